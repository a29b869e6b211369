// Views of commissions, withdrawals and ledger entries, for the sharer's 我的推广 and for staff.
import type { CommissionView, LedgerEntryView, WithdrawalView } from '../../../domain/api/views';
import { COMMISSION_STATE_TEXT } from '../../../domain/distribution';
import type {
  Commission,
  LedgerEntry,
  LedgerKind,
  Withdrawal,
  WithdrawalStatus,
} from '../../../domain/model';
import { fen } from '../../../domain/money';

export const WITHDRAWAL_STATUS_TEXT: Record<WithdrawalStatus, string> = {
  REQUESTED: '待打款',
  PAID: '已打款',
  REJECTED: '未通过',
};

export const LEDGER_KIND_TEXT: Record<LedgerKind, string> = {
  SETTLE: '佣金结算',
  WITHDRAW: '提现',
  WITHDRAW_RETURNED: '提现退回',
  CLAWBACK: '退款扣回',
  CLAWBACK_RETURNED: '退款未成功，退回',
};

/** What a commission is worth now. */
export function netOf(c: Commission): number {
  if (c.state === 'VOID') return 0;
  if (c.state === 'SETTLED') return (c.settledFen ?? 0) - (c.clawedBackFen ?? 0);
  return c.amountFen - c.voidedFen;
}

export function commissionView(c: Commission, buyerName: string, forStaff = false): CommissionView {
  return {
    id: c._id,
    orderId: c.orderId,
    buyerName,
    state: c.state,
    stateText: COMMISSION_STATE_TEXT[c.state],
    baseFen: c.baseFen,
    amountFen: c.amountFen,
    voidedFen: c.voidedFen,
    netFen: fen(netOf(c)),
    lines: c.lines.map((l) => ({
      title: l.title,
      baseFen: l.baseFen,
      ratePct: l.ratePct,
      amountFen: l.amountFen,
    })),
    createdAt: c.createdAt,
    ...(c.frozenUntil ? { frozenUntil: c.frozenUntil } : {}),
    ...(c.settledAt ? { settledAt: c.settledAt } : {}),
    ...(forStaff ? { distributorId: c.distributorId } : {}),
  };
}

export function withdrawalView(w: Withdrawal, distributorName?: string): WithdrawalView {
  return {
    id: w._id,
    amountFen: w.amountFen,
    status: w.status,
    statusText: WITHDRAWAL_STATUS_TEXT[w.status],
    requestedAt: w.requestedAt,
    ...(w.handledAt ? { handledAt: w.handledAt } : {}),
    ...(w.note ? { note: w.note } : {}),
    ...(distributorName !== undefined ? { distributorId: w.distributorId, distributorName } : {}),
  };
}

/** Ledger entries oldest first, each with the balance after it (they sum to the balance). */
export function ledgerViews(entries: LedgerEntry[]): LedgerEntryView[] {
  const sorted = [...entries].sort((a, b) => a.at - b.at || a._id.localeCompare(b._id));
  let balance = 0;
  return sorted.map((e) => {
    balance += e.amountFen;
    return {
      id: e._id,
      kind: e.kind,
      kindText: LEDGER_KIND_TEXT[e.kind],
      amountFen: e.amountFen,
      balanceAfterFen: fen(balance),
      at: e.at,
      ...(e.note ? { note: e.note } : {}),
    };
  });
}
