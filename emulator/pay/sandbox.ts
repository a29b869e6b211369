// The cloudPay sandbox: unifiedOrder, queryOrder, closeOrder, refund and queryRefund with WeChat
// Pay v2's rules and reply fields (snake_case here; wx-server-sdk converts them to camelCase).
// A payment is completed by confirm() (the gateway's stand-in for wx.requestPayment), which
// sends the pay notice to the callback function. Business errors come back as
// result_code FAIL with err_code/err_code_des, parameter errors as return_code FAIL.
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../database/executor';
import type { Store } from '../database/store';
import { RequestCounter } from '../runtime/request-counter';
import { compactCst, readableCst } from '../runtime/time-format';
import { Table } from '../state/table';
import type { Notifier } from './notifier';

export interface PayOrder {
  _id: string; // out_trade_no
  outTradeNo: string;
  subMchId: string;
  body: string;
  attach?: string;
  totalFee: number;
  openid: string;
  functionName: string;
  envId: string;
  prepayId: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  /** After this (epoch ms, from time_expire) the prepay can no longer be paid. */
  timeExpire?: number;
  transactionId?: string;
  timeEnd?: string;
  refundedFee: number;
  createdAt: number;
}

export interface PayRefund {
  _id: string; // out_refund_no
  outTradeNo: string;
  refundId: string;
  refundFee: number;
  totalFee: number;
  functionName?: string;
  successTime: string;
  /** Accepted, then closed by WeChat Pay (injected with the CLOSE_LATER failure): no money moved. */
  status?: 'REFUNDCLOSE';
}

type Data = Record<string, any>;
type Reply = Record<string, any>;

export const SERVICE_MCH_ID = '1900000001';

export class PaySandbox {
  readonly orders: Table<PayOrder>;
  readonly refunds: Table<PayRefund>;
  private failures: PayFailure[] = [];

  constructor(
    store: Store,
    private readonly notifier: Notifier,
    private readonly settings: { appid: string; now: () => number },
  ) {
    this.orders = new Table(store, 'pay_orders');
    this.refunds = new Table(store, 'pay_refunds');
  }

  async call(api: string, data: Data, caller: { openid?: string }): Promise<Reply> {
    const failure = this.takeFailure(api);
    if (failure?.mode === 'FAIL')
      return this.fail(data, 'SYSTEMERROR', failure.errCodeDes ?? '系统繁忙，请稍后再试');
    if (failure?.mode === 'ERROR') throw new Error(`cloudPay.${api}: no answer (injected)`);
    const reply =
      failure?.mode === 'CLOSE_LATER' && api === 'refund'
        ? this.refund(data, true)
        : this.dispatch(api, data, caller);
    // The call went through, but the caller never hears so (a timeout after the fact).
    if (failure?.mode === 'ERROR_AFTER') throw new Error(`cloudPay.${api}: answer lost (injected)`);
    return reply;
  }

  /**
   * Makes the next calls to `api` fail: FAIL (a refusal), ERROR (no answer), ERROR_AFTER (done,
   * but no answer), CLOSE_LATER (a refund accepted, then closed without paying).
   */
  failNext(rule: PayFailure): void {
    this.failures.push({ ...rule });
  }

  clearFailures(): void {
    this.failures = [];
  }

  private takeFailure(api: string): PayFailure | null {
    const rule = this.failures.find((r) => r.api === api);
    if (!rule) return null;
    if (rule.times !== undefined && --rule.times <= 0)
      this.failures.splice(this.failures.indexOf(rule), 1);
    return rule;
  }

  private dispatch(api: string, data: Data, caller: { openid?: string }): Reply {
    switch (api) {
      case 'unifiedOrder':
        return this.unifiedOrder(data, caller);
      case 'queryOrder':
        return this.queryOrder(data);
      case 'closeOrder':
        return this.closeOrder(data);
      case 'refund':
        return this.refund(data);
      case 'queryRefund':
        return this.queryRefund(data);
      default:
        return {
          return_code: 'FAIL',
          return_msg: `cloudPay.${api} is not available in the local sandbox`,
        };
    }
  }

  /**
   * Completes a payment as if the user paid in WeChat; sends the pay notice once. `dbRequests`:
   * the database requests of the notice's first delivery (0 when none was sent).
   */
  async confirm(ref: {
    outTradeNo?: string;
    prepayId?: string;
    /** false: the payment succeeds but its notice is held back until deliverHeld() (a slow notice). */
    notify?: boolean;
  }): Promise<{ order: PayOrder; delivered: boolean | null; dbRequests: number }> {
    const order = ref.outTradeNo
      ? this.orders.get(ref.outTradeNo)
      : (this.orders.where((o) => o.prepayId === ref.prepayId)[0] ?? null);
    if (!order) throw new PayError(404, '支付单不存在');
    if (order.state === 'CLOSED') throw new PayError(409, '订单已关闭，无法支付');
    // Already paid: no second notice.
    if (order.state !== 'NOTPAY') return { order, delivered: null, dbRequests: 0 };
    const now = this.settings.now();
    if (order.timeExpire !== undefined && now > order.timeExpire)
      throw new PayError(409, '支付已超时');
    const paid: PayOrder = {
      ...order,
      state: 'SUCCESS',
      transactionId: transactionId(now),
      timeEnd: compactCst(now),
    };
    if (!this.orders.replace(order, paid)) return this.confirm(ref); // changed meanwhile: look again
    const counter = new RequestCounter();
    const notice = await this.notifier.send(
      'pay',
      paid.functionName,
      this.payNotice(paid),
      ref.notify !== false,
      counter,
    );
    return {
      order: paid,
      delivered: ref.notify === false ? null : notice.acknowledged,
      dbRequests: counter.count,
    };
  }

  private unifiedOrder(d: Data, caller: { openid?: string }): Reply {
    const missing = [
      'body',
      'out_trade_no',
      'spbill_create_ip',
      'sub_mch_id',
      'total_fee',
      'env_id',
      'function_name',
      'nonce_str',
    ].filter((k) => d[k] === undefined || d[k] === '');
    if (missing.length) return { return_code: 'FAIL', return_msg: `缺少参数 ${missing.join(',')}` };
    if (!Number.isInteger(d.total_fee) || d.total_fee <= 0)
      return { return_code: 'FAIL', return_msg: 'total_fee 必须为正整数（分）' };
    if (!/^[A-Za-z0-9_\-|*@]{1,32}$/.test(String(d.out_trade_no)))
      return { return_code: 'FAIL', return_msg: 'out_trade_no 格式错误' };
    if (String(d.body).length > 128)
      return { return_code: 'FAIL', return_msg: 'body 超过 128 个字符' };
    if (String(d.nonce_str).length > 32)
      return { return_code: 'FAIL', return_msg: 'nonce_str 超过 32 个字符' };
    const openid = d.sub_openid ?? d.openid ?? caller.openid;
    if (!openid)
      return { return_code: 'FAIL', return_msg: '缺少付款用户 openid（调用方不是小程序用户）' };

    const existing = this.orders.get(String(d.out_trade_no));
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        return this.fail(d, 'ORDERPAID', '该订单已支付');
      if (existing.state === 'CLOSED') return this.fail(d, 'ORDERCLOSED', '订单已关闭');
      const same =
        existing.totalFee === d.total_fee && existing.body === d.body && existing.openid === openid;
      if (!same) return this.fail(d, 'INVALID_REQUEST', '201 商户订单号重复');
      return this.prepayReply(existing, d);
    }
    const order: PayOrder = {
      _id: String(d.out_trade_no),
      outTradeNo: String(d.out_trade_no),
      subMchId: String(d.sub_mch_id),
      body: String(d.body),
      attach: d.attach === undefined ? undefined : String(d.attach),
      totalFee: d.total_fee,
      openid: String(openid),
      functionName: String(d.function_name),
      envId: String(d.env_id),
      prepayId: 'wx' + randomBytes(14).toString('hex'),
      ...(d.time_expire ? { timeExpire: parseCst(String(d.time_expire)) } : {}),
      state: 'NOTPAY',
      refundedFee: 0,
      createdAt: this.settings.now(),
    };
    this.orders.put(order);
    return this.prepayReply(order, d);
  }

  private queryOrder(d: Data): Reply {
    const order = this.findOrder(d);
    if (!order) return this.fail(d, 'ORDERNOTEXIST', '订单不存在');
    return {
      ...this.base(d),
      result_code: 'SUCCESS',
      trade_state: order.state,
      trade_state_desc: {
        NOTPAY: '订单未支付',
        SUCCESS: '支付成功',
        CLOSED: '已关闭',
        REFUND: '转入退款',
      }[order.state],
      out_trade_no: order.outTradeNo,
      transaction_id: order.transactionId,
      total_fee: order.totalFee,
      cash_fee: order.state === 'NOTPAY' || order.state === 'CLOSED' ? undefined : order.totalFee,
      time_end: order.timeEnd,
      sub_openid: order.openid,
      trade_type: 'JSAPI',
      attach: order.attach,
    };
  }

  private closeOrder(d: Data): Reply {
    const order = this.findOrder(d);
    if (!order) return this.fail(d, 'ORDERNOTEXIST', '订单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND')
      return this.fail(d, 'ORDERPAID', '订单已支付，不能发起关单');
    if (order.state === 'CLOSED') return this.fail(d, 'ORDERCLOSED', '订单已关闭');
    this.orders.put({ ...order, state: 'CLOSED' });
    return { ...this.base(d), result_code: 'SUCCESS', result_msg: 'OK' };
  }

  private refund(d: Data, closeLater = false): Reply {
    const missing = [
      'out_trade_no',
      'out_refund_no',
      'total_fee',
      'refund_fee',
      'sub_mch_id',
      'nonce_str',
    ].filter((k) => d[k] === undefined || d[k] === '');
    if (missing.length) return { return_code: 'FAIL', return_msg: `缺少参数 ${missing.join(',')}` };
    if (!Number.isInteger(d.refund_fee) || d.refund_fee <= 0)
      return this.fail(d, 'INVALID_REQUEST', '退款金额必须为正整数（分）');
    const order = this.findOrder(d);
    if (!order) return this.fail(d, 'ORDERNOTEXIST', '订单不存在');
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND')
      return this.fail(d, 'TRADE_STATE_ERROR', '订单未支付，不能退款');
    const mismatch = '订单金额或退款金额与之前请求不一致，请核实后再试';
    if (d.total_fee !== order.totalFee) return this.fail(d, 'INVALID_REQUEST', mismatch);

    const prior = this.refunds.get(String(d.out_refund_no));
    if (prior) {
      // A retried refund request with the same number is answered with the same refund.
      if (prior.refundFee !== d.refund_fee || prior.outTradeNo !== order.outTradeNo)
        return this.fail(d, 'INVALID_REQUEST', mismatch);
      return this.refundReply(d, order, prior);
    }
    if (order.refundedFee >= order.totalFee) return this.fail(d, 'ERROR', '订单已全额退款');
    if (order.refundedFee + d.refund_fee > order.totalFee)
      return this.fail(d, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');

    const now = this.settings.now();
    const refund: PayRefund = {
      _id: String(d.out_refund_no),
      outTradeNo: order.outTradeNo,
      refundId: '5030' + Date.now().toString() + randomBytes(6).toString('hex'),
      refundFee: d.refund_fee,
      totalFee: order.totalFee,
      functionName: d.function_name ? String(d.function_name) : undefined,
      successTime: readableCst(now),
      ...(closeLater ? { status: 'REFUNDCLOSE' as const } : {}),
    };
    if (closeLater) {
      // Accepted, then closed: no money moves and no success notice is sent.
      this.refunds.put(refund);
      return this.refundReply(d, order, refund);
    }
    // Record the refund and the order's refunded total together, with no await in between.
    this.refunds.put(refund);
    this.orders.put({
      ...order,
      state: 'REFUND',
      refundedFee: order.refundedFee + refund.refundFee,
    });
    if (refund.functionName) {
      const event = this.refundNotice(order, refund);
      const fn = refund.functionName;
      setImmediate(() => void this.notifier.send('refund', fn, event));
    }
    return this.refundReply(d, order, refund);
  }

  private queryRefund(d: Data): Reply {
    const refunds = d.out_refund_no
      ? [this.refunds.get(String(d.out_refund_no))].filter((r): r is PayRefund => !!r)
      : this.refunds.where((r) => r.outTradeNo === d.out_trade_no);
    if (!refunds.length) return this.fail(d, 'REFUNDNOTEXIST', '退款订单查询失败');
    const reply: Reply = {
      ...this.base(d),
      result_code: 'SUCCESS',
      out_trade_no: refunds[0].outTradeNo,
      refund_count: refunds.length,
    };
    refunds.forEach((r, i) => {
      reply[`out_refund_no_${i}`] = r._id;
      reply[`refund_id_${i}`] = r.refundId;
      reply[`refund_fee_${i}`] = r.refundFee;
      reply[`refund_status_${i}`] = r.status ?? 'SUCCESS';
      reply[`refund_success_time_${i}`] = r.successTime;
    });
    return reply;
  }

  // --- shapes ----------------------------------------------------------------------------------

  private findOrder(d: Data): PayOrder | null {
    if (d.out_trade_no) return this.orders.get(String(d.out_trade_no));
    if (d.transaction_id)
      return this.orders.where((o) => o.transactionId === d.transaction_id)[0] ?? null;
    return null;
  }

  private base(d: Data): Reply {
    return {
      return_code: 'SUCCESS',
      return_msg: 'OK',
      appid: this.settings.appid,
      mch_id: SERVICE_MCH_ID,
      sub_appid: this.settings.appid,
      sub_mch_id: d.sub_mch_id,
      nonce_str: randomBytes(8).toString('hex'),
      sign: randomBytes(16).toString('hex').toUpperCase(),
    };
  }

  private fail(d: Data, code: string, description: string): Reply {
    return { ...this.base(d), result_code: 'FAIL', err_code: code, err_code_des: description };
  }

  private prepayReply(order: PayOrder, d: Data): Reply {
    const timeStamp = String(Math.floor(this.settings.now() / 1000));
    const nonceStr = randomBytes(8).toString('hex');
    return {
      ...this.base(d),
      result_code: 'SUCCESS',
      trade_type: 'JSAPI',
      prepay_id: order.prepayId,
      payment: {
        appId: this.settings.appid,
        timeStamp,
        nonceStr,
        package: `prepay_id=${order.prepayId}`,
        signType: 'MD5',
        paySign: createHash('md5')
          .update(`${order.prepayId}${timeStamp}${nonceStr}`)
          .digest('hex')
          .toUpperCase(),
      },
    };
  }

  private refundReply(d: Data, order: PayOrder, refund: PayRefund): Reply {
    return {
      ...this.base(d),
      result_code: 'SUCCESS',
      transaction_id: order.transactionId,
      out_trade_no: order.outTradeNo,
      out_refund_no: refund._id,
      refund_id: refund.refundId,
      refund_fee: refund.refundFee,
      settlement_refund_fee: refund.refundFee,
      total_fee: order.totalFee,
      settlement_total_fee: order.totalFee,
      cash_fee: order.totalFee,
      cash_refund_fee: refund.refundFee,
      coupon_refund_fee: 0,
    };
  }

  /** The pay notice as the callback function receives it (camelCase, like production). */
  private payNotice(order: PayOrder): Record<string, unknown> {
    return {
      returnCode: 'SUCCESS',
      appid: this.settings.appid,
      mchId: SERVICE_MCH_ID,
      subAppid: this.settings.appid,
      subMchId: order.subMchId,
      nonceStr: randomBytes(8).toString('hex'),
      resultCode: 'SUCCESS',
      // Under the service provider's appid the payer has another openid; the shop's is subOpenid.
      openid: serviceProviderOpenid(order.openid),
      isSubscribe: 'N',
      subOpenid: order.openid,
      subIsSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: order.totalFee,
      feeType: 'CNY',
      cashFee: order.totalFee,
      transactionId: order.transactionId,
      outTradeNo: order.outTradeNo,
      timeEnd: order.timeEnd,
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
      userInfo: { appId: this.settings.appid, openId: order.openid },
    };
  }

  private refundNotice(order: PayOrder, refund: PayRefund): Record<string, unknown> {
    return {
      returnCode: 'SUCCESS',
      appid: this.settings.appid,
      mchId: SERVICE_MCH_ID,
      subAppid: this.settings.appid,
      subMchId: order.subMchId,
      nonceStr: randomBytes(8).toString('hex'),
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      outRefundNo: refund._id,
      refundId: refund.refundId,
      totalFee: order.totalFee,
      settlementTotalFee: order.totalFee,
      refundFee: refund.refundFee,
      settlementRefundFee: refund.refundFee,
      refundStatus: 'SUCCESS',
      successTime: refund.successTime,
      refundRecvAccout: '支付用户零钱',
      refundAccount: 'REFUND_SOURCE_RECHARGE_FUNDS',
      refundRequestSource: 'API',
      userInfo: { appId: this.settings.appid, openId: order.openid },
    };
  }
}

export interface PayFailure {
  api: string;
  /** CLOSE_LATER (refund only): accepted, then closed by WeChat Pay: queryRefund says REFUNDCLOSE. */
  mode: 'FAIL' | 'ERROR' | 'ERROR_AFTER' | 'CLOSE_LATER';
  errCodeDes?: string;
  times?: number;
}

/** yyyyMMddHHmmss in China Standard Time to epoch ms. */
function parseCst(text: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) =>
    Number(text.slice(i, k === 0 ? 4 : i + 2)),
  );
  return Date.UTC(y, mo - 1, d, h, mi, s) - 8 * 3600_000;
}

export class PayError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function transactionId(now: number): string {
  return (
    '4200' +
    String(now).slice(-10) +
    newId()
      .slice(8, 22)
      .replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))
  );
}

function serviceProviderOpenid(openid: string): string {
  return 'oSP' + createHash('sha1').update(openid).digest('base64url').slice(0, 25);
}
