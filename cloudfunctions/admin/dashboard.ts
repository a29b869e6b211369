// The day's numbers and the last 30 days', computed by aggregate queries in the database (no
// order is read into the function): paid orders, revenue (paid less refunded), average order
// value and new buyers (orders placed by someone who had never paid) per China day, and the top
// products by revenue.
import type { DashboardView } from '../../domain/api/views';
import { fen } from '../../domain/money';
import { PAID_STATUSES } from '../../domain/order-status';
import { db } from '../lib/infra/cloud';
import { _, aggregateRows } from '../lib/infra/db';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** The start of the China day `at` falls in. */
export function chinaDayStart(at: number): number {
  return Math.floor((at + CHINA) / DAY) * DAY - CHINA;
}

export async function dashboard(days: number, now: number): Promise<DashboardView> {
  const today = chinaDayStart(now);
  const since = today - (days - 1) * DAY;
  const $ = db.command.aggregate;
  const paid = {
    'payment.paidAt': _.gte(since),
    status: _.in([...PAID_STATUSES, 'REFUNDING', 'REFUNDED']),
  };
  const [byDay, top] = await Promise.all([
    db
      .collection('orders')
      .aggregate()
      .match(paid)
      .group({
        _id: $.floor($.divide([$.add(['$payment.paidAt', CHINA]), DAY])),
        orders: $.sum(1),
        revenue: $.sum($.subtract(['$payment.paidFen', '$refundedFen'])),
        newBuyers: $.sum($.cond([$.eq(['$newBuyer', true]), 1, 0])),
      })
      .end(),
    db
      .collection('orders')
      .aggregate()
      .match(paid)
      .unwind('$lines')
      .group({
        _id: '$lines.productId',
        title: $.first('$lines.title'),
        units: $.sum('$lines.qty'),
        revenue: $.sum('$lines.amountFen'),
      })
      .sort({ revenue: -1 })
      .limit(5)
      .end(),
  ]);
  const rows = aggregateRows<{ _id: number; orders: number; revenue: number; newBuyers: number }>(
    byDay,
  );
  const series = Array.from({ length: days }, (_unused, i) => {
    const start = since + i * DAY;
    const row = rows.find((r) => r._id * DAY - CHINA === start);
    return {
      day: new Date(start + CHINA).toISOString().slice(0, 10),
      orders: row?.orders ?? 0,
      revenueFen: fen(row?.revenue ?? 0),
      newBuyers: row?.newBuyers ?? 0,
    };
  });
  const total = (pick: (d: (typeof series)[number]) => number, from = 0) =>
    series.slice(from).reduce((n, d) => n + pick(d), 0);
  const summary = (from: number) => {
    const orders = total((d) => d.orders, from);
    const revenue = total((d) => d.revenueFen, from);
    return {
      orders,
      revenueFen: fen(revenue),
      averageFen: fen(orders ? Math.round(revenue / orders) : 0),
      newBuyers: total((d) => d.newBuyers, from),
    };
  };
  return {
    today: summary(days - 1),
    period: summary(0),
    days: series,
    topProducts: aggregateRows<{ _id: string; title: string; units: number; revenue: number }>(
      top,
    ).map((p) => ({
      productId: p._id,
      title: p.title,
      units: p.units,
      revenueFen: fen(p.revenue),
    })),
  };
}
