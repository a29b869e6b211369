// Withdrawals: a distributor asks for (part of) their settled balance; staff pay it out by hand
// (bank transfer, WeChat Pay to the person...) and mark it paid, or turn it down, which returns
// the amount to the balance. Asking takes the amount off the balance at once (one conditional
// update: never beyond it, however many requests arrive together); the request id makes a
// retried ask the same withdrawal.
import { createHash } from 'node:crypto';
import type { LedgerEntry, Withdrawal } from '../../../domain/model';
import { fen, formatYuan } from '../../../domain/money';
import { AppError } from '../../../domain/result';
import { findById, updateWhere } from '../infra/db';
import { applyEntry } from './account';
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
  const entry: LedgerEntry = {
    _id: id,
    distributorId: openid,
    kind: 'WITHDRAW',
    amountFen: fen(-amountFen),
    refId: id,
    at,
    note: '提现申请',
  };
  const result = await applyEntry(entry, { needsBalance: true, withdrawal });
  if (result === 'insufficient') throw new AppError('WITHDRAW_EXCEEDS');
  return (await findById<Withdrawal>('withdrawals', id)) ?? withdrawal;
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

/** Turns a request down: REQUESTED → REJECTING (wins or loses against "paid" at once), the amount back to the balance, → REJECTED. */
export async function rejectWithdrawal(
  id: string,
  staffId: string,
  note: string,
  at: number,
): Promise<Withdrawal> {
  await updateWhere(
    'withdrawals',
    { _id: id, status: 'REQUESTED' },
    { status: 'REJECTING', handledAt: at, handledBy: staffId, note },
  );
  const current = await findById<Withdrawal>('withdrawals', id);
  if (!current) throw new AppError('NOT_FOUND', '提现申请不存在');
  if (current.status === 'REJECTING') return finishRejecting(current, at);
  if (current.status !== 'REJECTED') throw new AppError('ORDER_STATE', '这笔提现已处理');
  return current;
}

/** Returns a turned-down amount once (also the timer's step after a crash). */
export async function finishRejecting(w: Withdrawal, at: number): Promise<Withdrawal> {
  await applyEntry({
    _id: `back-${w._id}`,
    distributorId: w.distributorId,
    kind: 'WITHDRAW_RETURNED',
    amountFen: w.amountFen,
    refId: w._id,
    at,
    note: w.note ? `提现未通过：${w.note}` : '提现未通过',
  });
  await updateWhere('withdrawals', { _id: w._id, status: 'REJECTING' }, { status: 'REJECTED' });
  return { ...w, status: 'REJECTED' };
}
