// The openapi recorder through the real SDK: subscription messages recorded, WeChat errors on
// demand, and wxacode.getUnlimited returning a real PNG QR code for the page and scene.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ env: { CLOUD_QR_BASE_URL: 'http://shop.local/#/' } });
});
afterAll(() => cloud.stop());

const message = (touser: string) => ({
  touser,
  templateId: 'TPL_ORDER_PAID',
  page: 'packages/orders/detail?id=o1',
  data: { thing1: { value: '订单已支付' }, amount2: { value: '19.90' } },
  miniprogramState: 'developer',
});

it('subscribeMessage.send succeeds and is recorded with its data', async () => {
  const reply = await cloud.call(
    'notify',
    { api: 'send', data: message('u-ok') },
    { openid: 'staff-1' },
  );
  expect(reply).toMatchObject({
    ok: true,
    result: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' },
  });
  const { body } = await cloud.request(
    'GET',
    '/_emulator/openapi/calls?api=subscribeMessage.send&touser=u-ok',
  );
  expect(body).toHaveLength(1);
  expect(body[0]).toMatchObject({
    api: 'subscribeMessage.send',
    functionName: 'notify',
    openid: 'staff-1',
    errCode: 0,
    data: {
      touser: 'u-ok',
      template_id: 'TPL_ORDER_PAID',
      data: { thing1: { value: '订单已支付' } },
    },
  });
});

it('can be told to answer 43101 for one user, as WeChat does without an opt-in', async () => {
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: 'subscribeMessage.send',
    errCode: 43101,
    touser: 'u-no',
  });
  const refused = await cloud.call('notify', { api: 'send', data: message('u-no') });
  expect(refused).toEqual({
    ok: false,
    error: {
      errCode: 43101,
      errMsg: expect.stringContaining('openapi.subscribeMessage.send:fail'),
    },
  });
  const other = await cloud.call('notify', { api: 'send', data: message('u-yes') });
  expect(other.ok).toBe(true);
  await cloud.request('DELETE', '/_emulator/openapi/failures');
  expect((await cloud.call('notify', { api: 'send', data: message('u-no') })).ok).toBe(true);
  const calls = (await cloud.request('GET', '/_emulator/openapi/calls?touser=u-no')).body;
  expect(calls.map((c: any) => c.errCode)).toEqual([43101, 0]);
});

it('a message with an empty field is refused with 47003', async () => {
  const bad = await cloud.call('notify', {
    api: 'send',
    data: { ...message('u1'), data: { thing1: { value: '' } } },
  });
  expect(bad.error.errCode).toBe(47003);
});

it('wxacode.getUnlimited returns a PNG whose QR code holds the page and scene', async () => {
  const reply = await cloud.call('notify', {
    api: 'getUnlimited',
    data: { scene: 'r=AB12&c=store-12', page: 'packages/group/detail' },
  });
  expect(reply.ok).toBe(true);
  expect(reply.result.contentType).toBe('image/png');
  const png = PNG.sync.read(Buffer.from(reply.result.buffer, 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toBe(
    'http://shop.local/#/packages/group/detail?scene=r%3DAB12%26c%3Dstore-12',
  );
});

it('a scene over 32 characters is refused', async () => {
  const reply = await cloud.call('notify', {
    api: 'getUnlimited',
    data: { scene: 'x'.repeat(33), page: 'pages/home/index' },
  });
  expect(reply).toMatchObject({ ok: false, error: { errCode: 40169 } });
});
