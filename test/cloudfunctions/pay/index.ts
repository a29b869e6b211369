// cloudPay probe: calls the pay APIs with the caller's identity and returns the SDK's results.
import { cloud } from '../../../cloudfunctions/lib/infra/cloud';

type Event = {
  api: 'unifiedOrder' | 'queryOrder' | 'closeOrder' | 'refund' | 'queryRefund';
  data: Record<string, unknown>;
  /** Stay running this long after the call, e.g. while a refund's notice is being delivered. */
  settleMs?: number;
};

export async function main(event: Event) {
  const defaults = {
    envId: cloud.getWXContext().ENV,
    subMchId: '1600000001',
    nonceStr: 'n' + Date.now(),
  };
  try {
    const result = await cloud.cloudPay[event.api]({ ...defaults, ...event.data });
    if (event.settleMs) await new Promise((resolve) => setTimeout(resolve, event.settleMs));
    return { ok: true, result };
  } catch (e: any) {
    return { ok: false, error: { errCode: e?.errCode, errMsg: e?.errMsg } };
  }
}
