// openapi probe: sends a subscription message or makes a wxacode, returning the SDK's result
// (a PNG comes back as base64) or its error.
import { cloud } from '../../../cloudfunctions/lib/infra/cloud';

export async function main(event: { api: 'send' | 'getUnlimited'; data: Record<string, unknown> }) {
  try {
    if (event.api === 'send') {
      return { ok: true, result: await cloud.openapi.subscribeMessage.send(event.data as any) };
    }
    const result: any = await cloud.openapi.wxacode.getUnlimited(event.data as any);
    return {
      ok: true,
      result: { ...result, buffer: Buffer.from(result.buffer).toString('base64') },
    };
  } catch (e: any) {
    return { ok: false, error: { errCode: e?.errCode, errMsg: e?.errMsg } };
  }
}
