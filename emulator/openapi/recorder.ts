// The openapi recorder: cloud.openapi.* calls are answered locally and recorded so tests and
// developers can see what would have been sent to WeChat. Tests can make an API answer with a
// WeChat error code (e.g. 43101 "user refuses to accept the msg") to exercise callers' handling.
import QRCode from 'qrcode';
import { newId } from '../database/executor';
import type { Store } from '../database/store';
import { Table } from '../state/table';
import { checkAgainstEarlier, checkShippingInfo, type WxError } from './shipping-info';

export interface OpenApiCall {
  _id: string;
  api: string;
  data: Record<string, unknown>;
  /** The calling function and user, when known. */
  functionName?: string;
  openid?: string;
  at: number;
  errCode: number;
}

export interface FailureRule {
  api: string;
  errCode: number;
  errMsg?: string;
  /** Only calls to this user fail (subscribeMessage.send's touser). */
  touser?: string;
  /** How many calls fail before the rule is spent; unlimited if omitted. */
  times?: number;
}

export interface OpenApiReply {
  contentType: string;
  body: Buffer;
}

type Handler = (
  data: Record<string, any>,
) => Promise<OpenApiReply | WxError> | OpenApiReply | WxError;

// wxacode scene: at most 32 visible characters from this set (WeChat's documented rule).
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export class OpenApiRecorder {
  private readonly calls: Table<OpenApiCall>;
  private failures: FailureRule[] = [];
  private readonly handlers: Record<string, Handler>;

  constructor(
    store: Store,
    private readonly options: { now: () => number; qrBaseUrl: () => string },
  ) {
    this.calls = new Table(store, 'openapi_calls');
    this.handlers = {
      'subscribeMessage.send': (d) => this.subscribeMessageSend(d),
      'wxacode.getUnlimited': (d) => this.getUnlimited(d),
      'wxacode.get': (d) => this.wxacodeByPath(d),
      'wxacode.createQRCode': (d) => this.wxacodeByPath(d),
      'wxa.sec.order.uploadShippingInfo': (d) => this.uploadShippingInfo(d),
    };
  }

  async call(
    api: string,
    data: Record<string, any>,
    who: { functionName?: string; openid?: string },
  ): Promise<OpenApiReply> {
    const failure = this.takeFailure(api, data);
    const handler = this.handlers[api] ?? (() => ({ errcode: 0, errmsg: 'ok' }));
    const result = failure ?? (await handler(data));
    const errCode = 'errcode' in result ? result.errcode : 0;
    this.calls.put({ _id: newId(), api, data, ...who, at: this.options.now(), errCode });
    return 'errcode' in result ? json(result) : result;
  }

  list(filter: { api?: string; touser?: string } = {}): OpenApiCall[] {
    return this.calls.where(
      (c) =>
        (!filter.api || c.api === filter.api) &&
        (!filter.touser || c.data.touser === filter.touser),
    );
  }

  fail(rule: FailureRule): void {
    this.failures.push({ ...rule });
  }

  clearFailures(): void {
    this.failures = [];
  }

  private takeFailure(api: string, data: Record<string, any>): WxError | null {
    const rule = this.failures.find(
      (r) => r.api === api && (!r.touser || r.touser === data.touser),
    );
    if (!rule) return null;
    if (rule.times !== undefined && --rule.times <= 0)
      this.failures.splice(this.failures.indexOf(rule), 1);
    return { errcode: rule.errCode, errmsg: rule.errMsg ?? defaultMessage(rule.errCode) };
  }

  private subscribeMessageSend(d: Record<string, any>): WxError {
    if (typeof d.touser !== 'string' || !d.touser)
      return { errcode: 40003, errmsg: 'invalid openid' };
    if (typeof d.template_id !== 'string' || !d.template_id)
      return { errcode: 40037, errmsg: 'invalid template_id' };
    if (!d.data || typeof d.data !== 'object')
      return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    for (const [key, field] of Object.entries(d.data as Record<string, any>)) {
      if (!field || typeof field !== 'object' || field.value === undefined || field.value === '') {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` };
      }
    }
    const state = d.miniprogram_state;
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(state)) {
      return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state' };
    }
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() } as WxError;
  }

  private uploadShippingInfo(d: Record<string, any>): WxError {
    const accepted = this.list({ api: 'wxa.sec.order.uploadShippingInfo' })
      .filter((c) => c.errCode === 0)
      .map((c) => c.data);
    return checkShippingInfo(d) ?? checkAgainstEarlier(d, accepted) ?? { errcode: 0, errmsg: 'ok' };
  }

  private async getUnlimited(d: Record<string, any>): Promise<OpenApiReply | WxError> {
    const scene = String(d.scene ?? '');
    if (!SCENE.test(scene))
      return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
    const page = d.page === undefined ? '' : String(d.page);
    if (page.startsWith('/') || page.includes('?'))
      return { errcode: 41030, errmsg: 'invalid page rid' };
    return png(`${this.options.qrBaseUrl()}${page}?scene=${encodeURIComponent(scene)}`, d.width);
  }

  private async wxacodeByPath(d: Record<string, any>): Promise<OpenApiReply | WxError> {
    const target = String(d.path ?? '');
    if (!target || Buffer.byteLength(target) > 1024)
      return { errcode: 40159, errmsg: 'invalid length for path' };
    return png(`${this.options.qrBaseUrl()}${target.replace(/^\//, '')}`, d.width);
  }
}

async function png(text: string, width: unknown): Promise<OpenApiReply> {
  const size = Math.min(Math.max(Number(width) || 430, 280), 1280);
  const body = await QRCode.toBuffer(text, { type: 'png', width: size, margin: 2 });
  return { contentType: 'image/png', body };
}

function json(result: WxError): OpenApiReply {
  return { contentType: 'application/json', body: Buffer.from(JSON.stringify(result)) };
}

function defaultMessage(code: number): string {
  const known: Record<number, string> = {
    43101: 'user refuse to accept the msg',
    40037: 'invalid template_id',
    47003: 'argument invalid!',
    45009: 'reach max api daily quota limit',
    41030: 'invalid page rid',
  };
  return known[code] ?? `errcode ${code}`;
}
