// Transaction probe: read-modify-write increments (conflict + retry), a transfer that commits
// or rolls back, and a snapshot read, all through db.runTransaction / startTransaction.
import { db } from '../../../cloudfunctions/lib/infra/cloud';

type Event =
  | { op: 'increment'; id: string; pauseMs?: number }
  | { op: 'transfer'; from: string; to: string; amount: number }
  | { op: 'rollbackWith'; id: string; reason: string }
  | { op: 'snapshot'; id: string; pauseMs: number }
  | { op: 'writeOutsideCollection'; collection: string };

const pause = (ms?: number) => new Promise((resolve) => setTimeout(resolve, ms ?? 0));

export async function main(event: Event) {
  switch (event.op) {
    case 'increment': {
      let attempts = 0;
      const value = await db.runTransaction(async (t: any) => {
        attempts++;
        const { data } = await t.collection('counters').doc(event.id).get();
        await pause(event.pauseMs);
        await t
          .collection('counters')
          .doc(event.id)
          .update({ data: { n: data.n + 1 } });
        return data.n + 1;
      }, 25); // 20 contenders need up to 20 attempts: first committer wins each round
      return { value, attempts };
    }
    case 'transfer': {
      try {
        const result = await db.runTransaction(async (t: any) => {
          const from = (await t.collection('accounts').doc(event.from).get()).data;
          const to = (await t.collection('accounts').doc(event.to).get()).data;
          await t
            .collection('accounts')
            .doc(event.from)
            .update({ data: { balance: from.balance - event.amount } });
          await t
            .collection('accounts')
            .doc(event.to)
            .update({ data: { balance: to.balance + event.amount } });
          if (from.balance - event.amount < 0) await t.rollback({ code: 'INSUFFICIENT_FUNDS' });
          return { from: from.balance - event.amount, to: to.balance + event.amount };
        });
        return { committed: true, result };
      } catch (e) {
        return { committed: false, error: e };
      }
    }
    case 'rollbackWith': {
      try {
        await db.runTransaction(async (t: any) => {
          await t
            .collection('counters')
            .doc(event.id)
            .set({ data: { n: -1 } });
          await t.rollback(event.reason);
        });
        return { rejected: false };
      } catch (reason) {
        return { rejected: true, reason };
      }
    }
    case 'snapshot': {
      // Reads a document twice in one transaction with a pause between: both reads must agree
      // even if someone else changes it meanwhile.
      const t = await db.startTransaction();
      const first = (await t.collection('counters').doc(event.id).get()).data;
      await pause(event.pauseMs);
      const second = (await t.collection('counters').doc(event.id).get()).data;
      await t.commit();
      return { first, second };
    }
    case 'writeOutsideCollection': {
      try {
        await db.runTransaction(async (t: any) => {
          await t
            .collection(event.collection)
            .doc('x')
            .set({ data: { a: 1 } });
        });
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e };
      }
    }
  }
}
