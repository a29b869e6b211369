// Timer jobs process everything that is due, a page at a time, within the function's time limit.
// Pages follow a keyset (sort field, then _id) rather than re-running the query from the start,
// so items a step leaves as they were (e.g. an order paid just before it could be cancelled) are
// passed over instead of filling every page. A job stopped by the time limit resumes next run.
import { db } from './cloud';
import { _ } from './db';

export interface DueJob<T extends { _id: string }> {
  collection: string;
  where: Record<string, unknown>;
  /** A field to page by (ascending), e.g. createdAt; `_id` pages by id alone. */
  sortBy: keyof T & string;
  /** Handles one item; true when it changed something. Failures are logged, not fatal. */
  step(item: T): Promise<boolean>;
  label: string;
}

export const PAGE = 100;

/** Runs `job.step` on every due item, until none are left or the deadline passes. */
export async function forEachDue<T extends { _id: string }>(
  job: DueJob<T>,
  deadline: number,
): Promise<{ seen: number; done: number; finished: boolean }> {
  let after: { value: unknown; id: string } | null = null;
  let seen = 0;
  let done = 0;
  for (;;) {
    if (Date.now() >= deadline) return { seen, done, finished: false };
    const byId = job.sortBy === '_id';
    const where = !after
      ? job.where
      : byId
        ? _.and([job.where, { _id: _.gt(after.id) }])
        : _.and([
            job.where,
            _.or([
              { [job.sortBy]: _.gt(after.value) },
              { [job.sortBy]: after.value, _id: _.gt(after.id) },
            ]),
          ]);
    let query = db.collection(job.collection).where(where);
    if (!byId) query = query.orderBy(job.sortBy, 'asc');
    const { data } = await query.orderBy('_id', 'asc').limit(PAGE).get();
    const page = data as T[];
    for (const item of page) {
      if (Date.now() >= deadline) return { seen, done, finished: false };
      seen++;
      try {
        if (await job.step(item)) done++;
      } catch (e) {
        console.error(`timer: ${job.label} failed for ${item._id}`, e);
      }
    }
    if (page.length < PAGE) return { seen, done, finished: true };
    const last = page[page.length - 1];
    after = { value: last[job.sortBy], id: last._id };
  }
}
