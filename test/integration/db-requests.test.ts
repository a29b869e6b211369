// Conformance: the gateway reports in X-Cloud-Db-Requests exactly the database requests a call
// made through the real SDK (each one a round trip on CloudBase), per invocation even when many
// run at once, with function-to-function calls counted in the caller and pay notices counted
// apart; and CLOUD_DB_LATENCY_MS delays every request.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { cmd, run, type Step } from '../support/db-probe';

const HEADER = 'x-cloud-db-requests';

/** Calls a function through the gateway; returns its result and the reported request count. */
async function counted(cloud: LocalCloud, name: string, event: unknown, openid?: string) {
  const { status, body, headers } = await cloud.request(
    'POST',
    `/functions/${name}`,
    event,
    openid ? { 'X-WX-OPENID': openid } : {},
  );
  return { status, body, requests: Number(headers.get(HEADER)) };
}

/** `n` dbProbe steps, each one read (one request). */
const reads = (n: number): Step[] =>
  Array.from({ length: n }, () => ({
    collection: 'counters',
    calls: [['where', { _id: 'a' }], ['get']],
  }));

describe('request counting', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud();
  });
  afterAll(() => cloud.stop());

  it('reports each request a function makes, whatever the action', async () => {
    expect((await counted(cloud, 'echo', {})).requests).toBe(0);
    const three = await counted(cloud, 'dbProbe', { steps: reads(3) });
    expect(three.body.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(three.requests).toBe(3);
    const mixed = await counted(cloud, 'dbProbe', {
      steps: [
        { collection: 'items', calls: [['add', { data: { _id: 'm1', sku: 'm', stock: 1 } }]] },
        { collection: 'items', calls: [['where', { sku: 'm' }], ['count']] },
        {
          collection: 'items',
          calls: [
            ['doc', 'm1'],
            ['update', { data: { stock: 2 } }],
          ],
        },
        { collection: 'items', calls: [['aggregate'], ['match', { sku: 'm' }], ['end']] },
        { collection: 'items', calls: [['where', { sku: 'm' }], ['remove']] },
      ],
    });
    expect(mixed.body.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true, true, true]);
    expect(mixed.requests).toBe(5);
  });

  it('a transaction counts its start, each read and write, and its end', async () => {
    await run(cloud, 'counters', ['doc', 't'], ['set', { data: { n: 0 } }]);
    const increment = await counted(cloud, 'txn', { op: 'increment', id: 't' });
    expect(increment.body).toEqual({ value: 1, attempts: 1 });
    expect(increment.requests).toBe(4); // start, get, update, commit
    const rolledBack = await counted(cloud, 'txn', { op: 'rollbackWith', id: 't', reason: 'no' });
    expect(rolledBack.body).toEqual({ rejected: true, reason: 'no' });
    expect(rolledBack.requests).toBe(3); // start, set, abort
  });

  it('concurrent calls each report their own count', async () => {
    const calls = Array.from({ length: 20 }, (_, i) => {
      const n = (i % 7) + 1;
      // Alternate sequential dbProbe steps with reads sent all at once, so requests interleave.
      return i % 2
        ? { n, call: counted(cloud, 'dbProbe', { steps: reads(n) }, `user-${i}`) }
        : { n, call: counted(cloud, 'reads', { reads: n, parallel: true }, `user-${i}`) };
    });
    const results = await Promise.all(calls.map((c) => c.call));
    expect(results.map((r) => r.status)).toEqual(calls.map(() => 200));
    expect(results.map((r) => r.requests)).toEqual(calls.map((c) => c.n));
  });

  it("a function-to-function call counts the callee's requests in the caller", async () => {
    const direct = await counted(cloud, 'reads', {
      reads: 2,
      call: { name: 'dbProbe', data: { steps: reads(3) } },
    });
    expect(direct.body.callee).toHaveLength(3);
    expect(direct.requests).toBe(5);
    const chained = await counted(cloud, 'reads', {
      reads: 1,
      call: { name: 'reads', data: { reads: 2, call: { name: 'dbProbe', data: { steps: [] } } } },
    });
    expect(chained.body.callee).toEqual({ reads: 2, callee: [] });
    expect(chained.requests).toBe(3);
  });

  it('a function that throws reports the requests it made before', async () => {
    const thrown = await counted(cloud, 'reads', { reads: 2, throw: 'stop' });
    expect(thrown.status).toBe(500);
    expect(thrown.requests).toBe(2);
  });

  describe('pay notices', () => {
    const unifiedOrder = (outTradeNo: string) => ({
      api: 'unifiedOrder',
      data: {
        functionName: 'payCallback',
        body: '测试商品',
        outTradeNo,
        totalFee: 1000,
        spbillCreateIp: '127.0.0.1',
      },
    });

    it('pay confirm reports the requests of the notice it delivered', async () => {
      // payCallback makes two requests per notice: add the event, then a conditional update.
      await run(cloud, 'kv', ['doc', 'callbackFailures'], ['set', { data: { remaining: 0 } }]);
      const ordered = await counted(cloud, 'pay', unifiedOrder('Q1'), 'buyer-1');
      expect(ordered.requests).toBe(0);
      const confirmed = await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'Q1' });
      expect(confirmed.body).toMatchObject({ delivered: true, dbRequests: 2 });
      expect(confirmed.headers.get(HEADER)).toBe('2');
      // Already paid: no notice, no requests.
      const again = await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'Q1' });
      expect(again.body).toMatchObject({ delivered: null, dbRequests: 0 });
      expect(again.headers.get(HEADER)).toBe('0');
    });

    it('a refund notice is not counted in the function that requested the refund', async () => {
      await counted(cloud, 'pay', unifiedOrder('Q2'), 'buyer-1');
      await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'Q2' });
      const refund = {
        api: 'refund',
        data: {
          outTradeNo: 'Q2',
          outRefundNo: 'QR2',
          totalFee: 1000,
          refundFee: 100,
          functionName: 'payCallback',
        },
        // The probe keeps running while the notice is delivered (checked below).
        settleMs: 300,
      };
      const refunded = await counted(cloud, 'pay', refund, 'buyer-1');
      expect(refunded.body.result.resultCode).toBe('SUCCESS');
      // Delivered while the probe ran: had it been counted there, the header would say 2.
      const notices = (await cloud.request('GET', '/_emulator/pay/notices?kind=refund')).body;
      expect(notices).toEqual([
        expect.objectContaining({ event: expect.objectContaining({ outRefundNo: 'QR2' }) }),
      ]);
      expect(notices[0]).toMatchObject({ attempts: 1, acknowledged: true });
      expect(refunded.requests).toBe(0);
    });
  });
});

describe('CLOUD_DB_LATENCY_MS', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({ env: { CLOUD_DB_LATENCY_MS: '50' } });
  });
  afterAll(() => cloud.stop());

  // Lower bounds only: they check the configured delay is applied, not how fast anything is.
  it('each request waits the configured latency', async () => {
    const started = performance.now();
    const sequential = await counted(cloud, 'reads', { reads: 4 });
    expect(sequential.requests).toBe(4);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4 * 50);

    const startedParallel = performance.now();
    const parallel = await counted(cloud, 'reads', { reads: 4, parallel: true });
    expect(parallel.requests).toBe(4);
    expect(performance.now() - startedParallel).toBeGreaterThanOrEqual(50);
  });

  it('conditional updates stay atomic while requests wait side by side', async () => {
    await run(cloud, 'items', ['doc', 'slow'], ['set', { data: { sku: 'slow', stock: 5 } }]);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        run(
          cloud,
          'items',
          ['where', { _id: 'slow', stock: cmd('gte', [1]) }],
          ['update', { data: { stock: cmd('inc', [-1]) } }],
        ),
      ),
    );
    expect(results.filter((r) => r.stats.updated === 1)).toHaveLength(5);
    expect((await run(cloud, 'items', ['doc', 'slow'], ['get'])).data.stock).toBe(0);
  });

  it('concurrent calls still each report their own count', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => counted(cloud, 'dbProbe', { steps: reads(i + 1) })),
    );
    expect(results.map((r) => r.requests)).toEqual(results.map((_, i) => i + 1));
  });
});
