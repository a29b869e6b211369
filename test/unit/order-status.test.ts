import fc from 'fast-check';
import type { OrderStatus, StatusChange } from '../../domain/model';
import {
  TRANSITIONS,
  canApply,
  nextStatus,
  totalLabel,
  type OrderEvent,
} from '../../domain/order-status';

const EVENTS = Object.keys(TRANSITIONS) as OrderEvent[];
const order = (status: OrderStatus, history: StatusChange[] = []) => ({ status, history });

describe('order state machine', () => {
  it('follows the happy path', () => {
    let o = order('CREATING');
    const steps: OrderEvent[] = ['reserve', 'pay', 'ship', 'complete'];
    for (const event of steps) {
      const to = nextStatus(o, event);
      o = order(to, [...o.history, { from: o.status, to, at: 0, by: 'test' }]);
    }
    expect(o.status).toBe('COMPLETED');
  });

  it('refuses what the table does not allow', () => {
    expect(canApply('UNPAID', 'ship')).toBe(false);
    expect(canApply('PAID', 'cancel')).toBe(false);
    expect(canApply('CANCELLED', 'pay')).toBe(false);
    expect(() => nextStatus(order('REFUNDED'), 'refunded')).toThrow(/cannot/);
  });

  it('an aborted refund returns to the status before it', () => {
    const history: StatusChange[] = [
      { from: 'PAID', to: 'SHIPPED', at: 1, by: 's' },
      { from: 'SHIPPED', to: 'REFUNDING', at: 2, by: 's' },
    ];
    expect(nextStatus(order('REFUNDING', history), 'refundAborted')).toBe('SHIPPED');
  });

  it('any sequence of events: only allowed ones apply, nothing leaves a final status, and money states are reached only through payment', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 40 }), (events) => {
        let o = order('CREATING');
        let paid = false;
        for (const event of events) {
          if (!canApply(o.status, event)) continue;
          const from = o.status;
          const to = nextStatus(o, event);
          if (event === 'pay') paid = true;
          expect(['CANCELLED', 'REFUNDED']).not.toContain(from);
          if (['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'].includes(to))
            expect(paid).toBe(true);
          o = order(to, [...o.history, { from, to, at: 0, by: 'p' }]);
        }
      }),
    );
  });
});

it('an order says 实付 once money was paid, 应付 while or if it never was', () => {
  const paid: OrderStatus[] = ['PAID', 'SHIPPED', 'COMPLETED', 'REFUNDING', 'REFUNDED'];
  const unpaid: OrderStatus[] = ['CREATING', 'UNPAID', 'CANCELLED'];
  for (const s of paid) expect(totalLabel(s)).toBe('实付');
  for (const s of unpaid) expect(totalLabel(s)).toBe('应付');
});
