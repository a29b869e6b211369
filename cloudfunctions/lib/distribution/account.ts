// A distributor's withdrawable balance and its ledger (commission_ledger). Every movement is part
// of one database transaction with the change of the document it belongs to (a commission
// settling or giving back its share, a withdrawal asked for or turned down): the owner's state
// says whether the movement happened, so a retry, however late, or a race with another movement
// of the same money changes nothing twice, and the ledger always sums to the balance.
import type { Distributor, LedgerEntry } from '../../../domain/model';
import { fen } from '../../../domain/money';
import { db } from '../infra/cloud';

/** The SDK's transaction handle (wx-server-sdk has no types for it). */
export type Txn = any;

/**
 * Runs `work` in a transaction, again from the start on a conflict (another movement of the same
 * account or owner committed first): ten attempts outlast any realistic crowd on one account.
 */
export function inTransaction<T>(work: (t: Txn) => Promise<T>): Promise<T> {
  return db.runTransaction(work, 10);
}

export async function getIn<T>(t: Txn, collection: string, id: string): Promise<T | null> {
  return ((await t.collection(collection).doc(id).get())?.data as T | null) ?? null;
}

export function newAccount(openid: string, at: number): Distributor {
  return { _id: openid, balanceFen: fen(0), createdAt: at };
}

/**
 * Moves the balance by the entry's (signed) amount and writes the entry, in the transaction that
 * changes its owner. `account` is the one read in the same transaction (null: none yet).
 */
export async function postEntry(
  t: Txn,
  account: Distributor | null,
  entry: LedgerEntry,
): Promise<Distributor> {
  const { _id, ...fields } = entry;
  const balanceFen = fen((account?.balanceFen ?? 0) + entry.amountFen);
  const accounts = t.collection('distributors').doc(entry.distributorId);
  if (account) await accounts.update({ data: { balanceFen } });
  else {
    const { _id: _ignored, ...created } = newAccount(entry.distributorId, entry.at);
    await accounts.set({ data: { ...created, balanceFen } });
  }
  await t.collection('commission_ledger').doc(_id).set({ data: fields });
  return { ...(account ?? newAccount(entry.distributorId, entry.at)), balanceFen };
}
