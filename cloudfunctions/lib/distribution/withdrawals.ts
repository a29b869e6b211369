// Withdrawals: a distributor asks for (part of) their settled balance; staff pay it out by hand
// (bank transfer, WeChat Pay to the person...) and mark it paid, or turn it down, which returns
// the amount to the balance. Asking takes the amount off the balance at once, in one transaction
// with the request and its ledger entry: never beyond the balance, however many requests arrive
// together, and the request id makes a retried ask, however late, the same withdrawal.
import { createHash } from 'node:crypto';
import type { Distributor, Withdrawal } from '../../../domain/model';
import { fen, formatYuan } from '../../../domain/money';
import { AppError } from '../../../domain/result';
import { findById, updateWhere } from '../infra/db';
import { getIn, inTransaction, postEntry } from './account';
import { distributionSettings } from './settings';

export const withdrawalIdFor = (openid: string, requestId: string) =>
  'W' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 20);

export async function requestWithdrawal(
  openid: string,
  amountFen: number,
  requestId: string,
  at: number,
): Promise<Withdrawal> {
  const settings = await distributionSettings();
  if (amountFen < settings.minWithdrawFen)
    throw new AppError(
      'WITHDRAW_TOO_SMALL',
      `每次至少提现 ${formatYuan(fen(settings.minWithdrawFen))}`,
    );
  const id = withdrawalIdFor(openid, requestId);
  const withdrawal: Withdrawal = {
    _id: id,
    distributorId: openid,
    amountFen: fen(amountFen),
    status: 'REQUESTED',
    requestedAt: at,
  };
  return inTransaction(async (t) => {
    const [existing, account] = await Promise.all([
      getIn<Withdrawal>(t, 'withdrawals', id),
      getIn<Distributor>(t, 'distributors', openid),
    ]);
    if (existing) return existing;
    if ((account?.balanceFen ?? 0) < amountFen) throw new AppError('WITHDRAW_EXCEEDS');
    await postEntry(t, account, {
      _id: id,
      distributorId: openid,
      kind: 'WITHDRAW',
      amountFen: fen(-amountFen),
      refId: id,
      at,
      note: '提现申请',
    });
    const { _id, ...fields } = withdrawal;
    await t.collection('withdrawals').doc(_id).set({ data: fields });
    return withdrawal;
  });
}

export async function markWithdrawalPaid(
  id: string,
  staffId: string,
  note: string,
  at: number,
): Promise<Withdrawal> {
  const changed = await updateWhere(
    'withdrawals',
    { _id: id, status: 'REQUESTED' },
    { status: 'PAID', handledAt: at, handledBy: staffId, note },
  );
  const current = await findById<Withdrawal>('withdrawals', id);
  if (!current) throw new AppError('NOT_FOUND', '提现申请不存在');
  if (!changed && current.status !== 'PAID') throw new AppError('ORDER_STATE', '这笔提现已处理');
  return current;
}

/**
 * Turns a request down and returns its amount to the balance, in one transaction (marking it
 * paid at the same moment makes this one conflict and find it paid).
 */
export async function rejectWithdrawal(
  id: string,
  staffId: string,
  note: string,
  at: number,
): Promise<Withdrawal> {
  return inTransaction(async (t) => {
    const w = await getIn<Withdrawal>(t, 'withdrawals', id);
    if (!w) throw new AppError('NOT_FOUND', '提现申请不存在');
    if (w.status === 'REJECTED') return w;
    if (w.status !== 'REQUESTED') throw new AppError('ORDER_STATE', '这笔提现已处理');
    const account = await getIn<Distributor>(t, 'distributors', w.distributorId);
    await postEntry(t, account, {
      _id: `back-${w._id}`,
      distributorId: w.distributorId,
      kind: 'WITHDRAW_RETURNED',
      amountFen: w.amountFen,
      refId: w._id,
      at,
      note: note ? `提现未通过：${note}` : '提现未通过',
    });
    const handled = { status: 'REJECTED' as const, handledAt: at, handledBy: staffId, note };
    await t.collection('withdrawals').doc(w._id).update({ data: handled });
    return { ...w, ...handled };
  });
}
