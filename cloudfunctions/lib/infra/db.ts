// Small database helpers over wx-server-sdk, typed with the documents in domain/model.ts.
import { db } from './cloud';

export const _ = db.command;

/** A document by id, or null (doc().get() throws when it is missing). */
export async function findById<T>(collection: string, id: string): Promise<T | null> {
  const { data } = await db.collection(collection).where({ _id: id }).limit(1).get();
  return (data[0] as T) ?? null;
}

/** Documents by ids (at most 1000), in no particular order. */
export async function findByIds<T>(collection: string, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const { data } = await db
    .collection(collection)
    .where({ _id: _.in([...new Set(ids)]) })
    .limit(1000)
    .get();
  return data as T[];
}

export async function findWhere<T>(
  collection: string,
  where: Record<string, unknown>,
  limit = 100,
): Promise<T[]> {
  const { data } = await db.collection(collection).where(where).limit(limit).get();
  return data as T[];
}

/** Conditional update; returns how many documents changed. */
export async function updateWhere(
  collection: string,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
): Promise<number> {
  const res = await db.collection(collection).where(where).update({ data });
  return res.stats.updated as number;
}

/** Inserts with a chosen id; false when a document with that id already exists. */
export async function insertOnce(
  collection: string,
  doc: { _id: string } & Record<string, unknown>,
): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (e) {
    if (isDuplicate(e)) return false;
    throw e;
  }
}

export function isDuplicate(e: unknown): boolean {
  const message = String(
    (e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? '',
  );
  return /duplicate key|DUPLICATE/i.test(message);
}

/** The rows an aggregate returned (wx-server-sdk answers `list`, node-sdk `data`). */
export function aggregateRows<T>(res: { list?: T[]; data?: T[] }): T[] {
  return res.list ?? res.data ?? [];
}
