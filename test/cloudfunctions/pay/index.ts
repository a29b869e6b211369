// cloudPay probe: calls the pay APIs with the caller's identity and returns the SDK's results.
import { cloud } from '../../../cloudfunctions/lib/infra/cloud';

type Event = {
  api: 'unifiedOrder' | 'queryOrder' | 'closeOrder' | 'refund' | 'queryRefund';
  data: Record<string, unknown>;
};

export async function main(event: Event) {
  const defaults = {
    envId: cloud.getWXContext().ENV,
    subMchId: '1600000001',
    nonceStr: 'n' + Date.now(),
  };
  try {
    return { ok: true, result: await cloud.cloudPay[event.api]({ ...defaults, ...event.data }) };
  } catch (e: any) {
    return { ok: false, error: { errCode: e?.errCode, errMsg: e?.errMsg } };
  }
}
