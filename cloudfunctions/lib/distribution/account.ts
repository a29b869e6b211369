// A distributor's withdrawable balance and its ledger (commission_ledger). A change is one
// conditional update of the account that (1) applies the amount, refusing a withdrawal beyond the
// balance, (2) lists the entry's id, so a repeat of the same entry changes nothing, and (3) keeps
// the entry pending in the account; the entry is then written to the ledger (and, for a
// withdrawal, its request created) and taken off the pending list, by the call or by the timer
// after a crash. The ledger's entries therefore always come to sum to the balance.
import type { Distributor, LedgerEntry, Withdrawal } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { _, findById, insertOnce, updateWhere } from '../infra/db';

/** Entry ids an account remembers: far more than a retry can lag behind. */
const REMEMBERED = 200;

export type ApplyResult = 'applied' | 'repeat' | 'insufficient';

export function newAccount(openid: string, at: number): Distributor {
  return { _id: openid, balanceFen: fen(0), entryIds: [], pendingEntries: [], createdAt: at };
}

/** Applies an entry once. A negative amount (a withdrawal) needs that much balance. */
export async function applyEntry(
  entry: LedgerEntry,
  options: { needsBalance?: boolean; withdrawal?: Withdrawal } = {},
): Promise<ApplyResult> {
  const pending = options.withdrawal ? { ...entry, withdrawal: options.withdrawal } : entry;
  for (let attempt = 0; attempt < 5; attempt++) {
    const updated = await updateWhere(
      'distributors',
      {
        _id: entry.distributorId,
        entryIds: _.neq(entry._id),
        ...(options.needsBalance ? { balanceFen: _.gte(-entry.amountFen) } : {}),
      },
      {
        balanceFen: _.inc(entry.amountFen),
        entryIds: _.push({ each: [entry._id], slice: -REMEMBERED }),
        pendingEntries: _.push(pending),
      },
    );
    if (updated) {
      await finishEntry(pending);
      return 'applied';
    }
    const account = await findById<Distributor>('distributors', entry.distributorId);
    if (!account) {
      await insertOnce('distributors', { ...newAccount(entry.distributorId, entry.at) });
      continue;
    }
    if (account.entryIds.includes(entry._id)) {
      const stuck = account.pendingEntries.find((p) => p._id === entry._id);
      if (stuck) await finishEntry(stuck);
      return 'repeat';
    }
    if (options.needsBalance && account.balanceFen < -entry.amountFen) return 'insufficient';
  }
  throw new Error(`could not apply ledger entry ${entry._id}`);
}

type PendingEntry = LedgerEntry & { withdrawal?: Withdrawal };

/** Writes a pending entry to the ledger (and its withdrawal request) once; clears it. */
export async function finishEntry(pending: PendingEntry): Promise<void> {
  const { withdrawal, ...entry } = pending;
  if (withdrawal) await insertOnce('withdrawals', { ...withdrawal });
  await insertOnce('commission_ledger', { ...entry });
  await updateWhere(
    'distributors',
    { _id: entry.distributorId },
    { pendingEntries: _.pull({ _id: entry._id }) },
  );
}

/** The timer's part: entries a crash left pending (older than a minute) are finished. */
export async function finishStaleEntries(account: Distributor, now: number): Promise<boolean> {
  const stale = account.pendingEntries.filter((p) => p.at <= now - 60_000);
  for (const entry of stale) await finishEntry(entry);
  return stale.length > 0;
}
