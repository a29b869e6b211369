// Staff and their roles (owner only): list, add or change, remove. The shop always keeps an
// owner: the last one cannot be removed or given another role. A removed member loses access at
// their next call (every admin call reads the caller's staff record).
import { API } from '../../domain/api/contract';
import type { StaffMeView, StaffView } from '../../domain/api/views';
import type { Staff, StaffRole } from '../../domain/model';
import { AppError } from '../../domain/result';
import { db } from '../lib/infra/cloud';
import type { Context } from '../lib/infra/router';

/** The admin actions a role may call: the API contract's roles, read back. */
export function actionsFor(role: StaffRole): string[] {
  return Object.entries(API.admin)
    .filter(([, spec]) => (spec.staff as readonly StaffRole[] | undefined)?.includes(role))
    .map(([name]) => name);
}

export function whoami(ctx: Context): StaffMeView {
  const staff = ctx.staff!;
  return { openid: staff._id, name: staff.name, role: staff.role, actions: actionsFor(staff.role) };
}

async function allStaff(): Promise<StaffView[]> {
  const { data } = await db.collection('staff').limit(1000).get();
  return (data as Staff[])
    .map((s) => ({ openid: s._id, name: s.name, role: s.role }))
    .sort((a, b) => (a.openid < b.openid ? -1 : 1));
}

export const listStaff = allStaff;

function refuseLosingTheLastOwner(all: StaffView[], openid: string, newRole?: StaffRole): void {
  const owners = all.filter((s) => s.role === 'owner');
  const isOwner = owners.some((s) => s.openid === openid);
  if (isOwner && owners.length === 1 && newRole !== 'owner')
    throw new AppError('FORBIDDEN', '店铺至少要有一位店长');
}

export async function saveStaff(input: {
  openid: string;
  name: string;
  role: StaffRole;
}): Promise<StaffView[]> {
  refuseLosingTheLastOwner(await allStaff(), input.openid, input.role);
  await db
    .collection('staff')
    .doc(input.openid)
    .set({ data: { name: input.name, role: input.role } });
  return allStaff();
}

export async function removeStaff(openid: string): Promise<StaffView[]> {
  refuseLosingTheLastOwner(await allStaff(), openid);
  await db.collection('staff').doc(openid).remove();
  return allStaff();
}
