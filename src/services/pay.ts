// Paying: wx.requestPayment in WeChat; in the browser the local cloud's sandbox stands in for it
// (the shopper confirms in a dialog, the sandbox sends the pay notice to the cloud function).
import Taro from '@tarojs/taro';
import type { PaymentView } from '@domain/api/views';
import { formatYuan, type Fen } from '@domain/money';

export type PayOutcome = 'paid' | 'cancelled' | 'failed';

type SignType = WechatMiniprogram.RequestPaymentOption['signType'];

async function weappPay(payment: PaymentView): Promise<PayOutcome> {
  try {
    await wx.requestPayment({ ...payment, signType: payment.signType as SignType });
    return 'paid';
  } catch (e) {
    return /cancel/.test(String((e as { errMsg?: string })?.errMsg)) ? 'cancelled' : 'failed';
  }
}

async function sandboxPay(payment: PaymentView, amount: Fen): Promise<PayOutcome> {
  const { confirm } = await Taro.showModal({
    title: '模拟支付',
    content: `本地云沙箱：确认支付 ${formatYuan(amount)}？`,
    confirmText: '确认支付',
    cancelText: '取消',
  });
  if (!confirm) return 'cancelled';
  const res = await fetch('/_emulator/pay/confirm', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ package: payment.package }),
  });
  return res.ok ? 'paid' : 'failed';
}

export function requestPayment(payment: PaymentView, amount: Fen): Promise<PayOutcome> {
  return process.env.TARO_ENV === 'h5' ? sandboxPay(payment, amount) : weappPay(payment);
}
