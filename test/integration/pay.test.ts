// The cloudPay sandbox through the real SDK: unified order, sandbox confirmation, pay notices
// retried until acknowledged, order queries and closing, and refunds with their own notices.
import { eventually, startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { run } from '../support/db-probe';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud();
});
afterAll(() => cloud.stop());

const order = (outTradeNo: string, totalFee = 1990) => ({
  api: 'unifiedOrder',
  data: {
    functionName: 'payCallback',
    body: '测试商品',
    outTradeNo,
    totalFee,
    spbillCreateIp: '127.0.0.1',
  },
});
const pay = (event: unknown, openid = 'buyer-1') => cloud.call('pay', event, { openid });
const events = async (outTradeNo: string) =>
  (await run(cloud, 'pay_events', ['where', { outTradeNo }], ['get'])).data as Record<
    string,
    any
  >[];
const refuseCallbacks = (remaining: number) =>
  run(cloud, 'kv', ['doc', 'callbackFailures'], ['set', { data: { remaining } }]);

it('unifiedOrder returns a payment object for wx.requestPayment', async () => {
  const { ok, result } = await pay(order('T1'));
  expect(ok).toBe(true);
  expect(result).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    tradeType: 'JSAPI',
    prepayId: expect.stringMatching(/^wx/),
    errCode: 0,
    errMsg: 'cloudPay.unifiedOrder:ok',
    payment: {
      appId: expect.any(String),
      timeStamp: expect.stringMatching(/^\d+$/),
      nonceStr: expect.any(String),
      package: `prepay_id=${result.prepayId}`,
      signType: 'MD5',
      paySign: expect.any(String),
    },
  });
  const [stored] = (await cloud.request('GET', '/_emulator/pay/orders?outTradeNo=T1')).body;
  expect(stored).toMatchObject({ totalFee: 1990, openid: 'buyer-1', state: 'NOTPAY' });
});

it('confirming sends a production-shaped notice to the callback, once', async () => {
  await refuseCallbacks(0);
  const { result } = await pay(order('T2', 990));
  const confirmed = await cloud.request('POST', '/_emulator/pay/confirm', {
    package: result.payment.package,
  });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body.delivered).toBe(true);
  const [notice] = await events('T2');
  expect(notice).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo: 'T2',
    totalFee: 990,
    cashFee: 990,
    feeType: 'CNY',
    subOpenid: 'buyer-1',
    userInfo: { openId: 'buyer-1', appId: expect.any(String) },
    transactionId: expect.stringMatching(/^\d{28}$/),
    timeEnd: expect.stringMatching(/^\d{14}$/),
    source: 'wx_paycallback',
  });
  // Paying again changes nothing and sends nothing.
  const again = await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'T2' });
  expect(again.body.delivered).toBeNull();
  expect(await events('T2')).toHaveLength(1);
  const query = await pay({ api: 'queryOrder', data: { outTradeNo: 'T2' } });
  expect(query.result).toMatchObject({
    tradeState: 'SUCCESS',
    totalFee: 990,
    transactionId: notice.transactionId,
  });
});

it('the notice is retried with back-off until the callback answers errcode 0', async () => {
  await refuseCallbacks(2);
  await pay(order('T3'));
  const confirmed = await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'T3' });
  expect(confirmed.body.delivered).toBe(false);
  await eventually(async () => {
    const [notice] = (await cloud.request('GET', '/_emulator/pay/notices?kind=pay')).body.filter(
      (n: any) => n.event.outTradeNo === 'T3',
    );
    return notice?.acknowledged;
  });
  const [notice] = (await cloud.request('GET', '/_emulator/pay/notices?kind=pay')).body.filter(
    (n: any) => n.event.outTradeNo === 'T3',
  );
  expect(notice.attempts).toBe(3);
  expect(await events('T3')).toHaveLength(3);
});

it('reusing an order number: same request returns the same prepay, different is refused', async () => {
  const first = await pay(order('T4'));
  const same = await pay(order('T4'));
  expect(same.result.prepayId).toBe(first.result.prepayId);
  const different = await pay(order('T4', 1));
  expect(different.result).toMatchObject({
    returnCode: 'SUCCESS',
    resultCode: 'FAIL',
    errCodeDes: '201 商户订单号重复',
  });
  await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'T4' });
  const paid = await pay(order('T4'));
  expect(paid.result).toMatchObject({ resultCode: 'FAIL', errCodeDes: '该订单已支付' });
});

it('a closed order cannot be paid', async () => {
  await pay(order('T5'));
  const closed = await pay({ api: 'closeOrder', data: { outTradeNo: 'T5' } });
  expect(closed.result).toMatchObject({ resultCode: 'SUCCESS', errMsg: 'cloudPay.closeOrder:ok' });
  const confirm = await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'T5' });
  expect(confirm.status).toBe(409);
  expect((await pay({ api: 'queryOrder', data: { outTradeNo: 'T5' } })).result.tradeState).toBe(
    'CLOSED',
  );
});

it('unifiedOrder rejects bad parameters', async () => {
  const missing = await pay({
    api: 'unifiedOrder',
    data: { functionName: 'payCallback', outTradeNo: 'T6', totalFee: 1 },
  });
  expect(missing.result).toMatchObject({
    returnCode: 'FAIL',
    returnMsg: expect.stringContaining('body'),
  });
  const fractional = await pay(order('T7', 9.9));
  expect(fractional.result.returnCode).toBe('FAIL');
  const anonymous = await cloud.call('pay', order('T8'));
  expect(anonymous.result.returnMsg).toMatch(/openid/);
});

describe('refunds', () => {
  beforeAll(async () => {
    await refuseCallbacks(0);
    await pay(order('R1', 1000));
    await cloud.request('POST', '/_emulator/pay/confirm', { outTradeNo: 'R1' });
  });

  const refund = (outRefundNo: string, refundFee: number, totalFee = 1000) =>
    pay({
      api: 'refund',
      data: { outTradeNo: 'R1', outRefundNo, totalFee, refundFee, functionName: 'payCallback' },
    });

  it('a partial refund succeeds and its notice reaches the callback', async () => {
    const { result } = await refund('RF1', 300);
    expect(result).toMatchObject({
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      refundFee: 300,
      totalFee: 1000,
      outRefundNo: 'RF1',
      errMsg: 'cloudPay.refund:ok',
    });
    const notice = await eventually(async () =>
      (await events('R1')).find((e) => e.outRefundNo === 'RF1'),
    );
    expect(notice).toMatchObject({
      refundStatus: 'SUCCESS',
      refundFee: 300,
      settlementRefundFee: 300,
      totalFee: 1000,
      refundId: result.refundId,
    });
  });

  it('a retried refund number answers the same refund and refunds nothing more', async () => {
    const first = (await refund('RF2', 200)).result;
    const again = (await refund('RF2', 200)).result;
    expect(again.refundId).toBe(first.refundId);
    const mismatch = (await refund('RF2', 250)).result;
    expect(mismatch).toMatchObject({
      resultCode: 'FAIL',
      errCodeDes: expect.stringContaining('不一致'),
    });
    const [stored] = (await cloud.request('GET', '/_emulator/pay/orders?outTradeNo=R1')).body;
    expect(stored.refundedFee).toBe(500);
  });

  it('refunds never exceed what was paid, even when sent at once', async () => {
    const results = await Promise.all(['RA', 'RB', 'RC', 'RD'].map((no) => refund(no, 250)));
    const succeeded = results.filter((r) => r.result.resultCode === 'SUCCESS');
    expect(succeeded).toHaveLength(2);
    for (const failed of results.filter((r) => r.result.resultCode === 'FAIL')) {
      expect(failed.result.errCodeDes).toMatch(/申请退款金额超过订单可退金额|订单已全额退款/);
    }
    const [stored] = (await cloud.request('GET', '/_emulator/pay/orders?outTradeNo=R1')).body;
    expect(stored.refundedFee).toBe(1000);
    expect((await refund('RE', 1)).result.errCodeDes).toBe('订单已全额退款');
  });

  it('an unpaid order or a wrong total cannot be refunded', async () => {
    await pay(order('R2', 500));
    const unpaid = await pay({
      api: 'refund',
      data: { outTradeNo: 'R2', outRefundNo: 'X1', totalFee: 500, refundFee: 100 },
    });
    expect(unpaid.result.resultCode).toBe('FAIL');
    const wrongTotal = await refund('X2', 100, 999);
    expect(wrongTotal.result.errCodeDes).toContain('不一致');
  });
});
