// Desktop sign-in end to end through the local cloud's HTTP access service (the same route
// CloudBase gives adminHttp): the browser starts a code and gets a real QR code, a staff member
// confirms it from the mini-program (admin.confirmSignin as their WeChat self), the browser
// collects a signed session and makes admin calls with it. Expired and reused codes, forged,
// expired and revoked sessions, and removed staff are refused.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS } from '../../emulator/seed/catalog';
import { callAction, expectOk } from '../support/shop';
import { run } from '../support/db-probe';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

const api = (path: string, body: object = {}, token?: string) =>
  cloud.request(
    'POST',
    `/http/admin-api${path}`,
    body,
    token ? { Authorization: `Bearer ${token}` } : {},
  );

async function signIn(staff: string): Promise<string> {
  const started = await api('/signin/start');
  const { code } = started.body.data;
  await expectOk(cloud, staff, 'admin', 'confirmSignin', { code });
  const polled = await api('/signin/poll', { code });
  expect(polled.body.data.status).toBe('SIGNED_IN');
  return polled.body.data.token;
}

it('a scanned and confirmed code gives the browser a session its admin calls run as', async () => {
  const started = await api('/signin/start');
  expect(started.status).toBe(200);
  const { code, qr } = started.body.data;
  // The QR is a real wxacode opening the sign-in page with the code as its scene.
  const png = PNG.sync.read(Buffer.from(qr.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data;
  expect(decoded).toContain('packages/admin/signin/index');
  expect(decodeURIComponent(decoded.split('scene=')[1])).toBe(`a=${code}`);

  // Not yet confirmed: waiting, and no admin call passes without a session.
  expect((await api('/signin/poll', { code })).body.data).toEqual({ status: 'WAITING' });
  expect((await api('/call', { action: 'whoami' })).status).toBe(401);

  await expectOk(cloud, OWNER, 'admin', 'confirmSignin', { code });
  const polled = await api('/signin/poll', { code });
  expect(polled.body.data).toMatchObject({ status: 'SIGNED_IN', openid: OWNER });
  const token = polled.body.data.token;
  const me = await api('/call', { action: 'whoami' }, token);
  expect(me.body).toMatchObject({ ok: true, data: { openid: OWNER, role: 'owner' } });
  const skus = await api('/call', { action: 'skus', lowOnly: true }, token);
  expect(skus.body.ok).toBe(true);

  // The code is used up: collecting again, or confirming again, is refused.
  expect((await api('/signin/poll', { code })).status).toBe(410);
  expect(await callAction(cloud, OWNER, 'admin', 'confirmSignin', { code })).toMatchObject({
    ok: false,
    code: 'SIGNIN_INVALID',
  });
});

it('only staff can confirm a code, and an expired code is refused', async () => {
  const { code } = (await api('/signin/start')).body.data;
  expect(await callAction(cloud, 'a-shopper', 'admin', 'confirmSignin', { code })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  await cloud.advanceClock(3 * 60_000);
  expect(await callAction(cloud, OWNER, 'admin', 'confirmSignin', { code })).toMatchObject({
    ok: false,
    code: 'SIGNIN_INVALID',
  });
  expect((await api('/signin/poll', { code })).status).toBe(410);
});

it('forged, expired and revoked sessions are refused; a removed staff member loses access', async () => {
  const token = await signIn(OWNER);
  const [payload, signature] = token.split('.');
  // Another staff member's identity in the same signature: refused.
  const body = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = `${Buffer.from(JSON.stringify({ ...body, openid: 'someone-else' })).toString('base64url')}.${signature}`;
  expect((await api('/call', { action: 'whoami' }, forged)).status).toBe(401);
  expect((await api('/call', { action: 'whoami' }, `${payload}.AAAA`)).status).toBe(401);

  // Revoked (signing out everywhere) ends it at the next call.
  await expectOk(cloud, OWNER, 'admin', 'revokeSessions', { openid: OWNER });
  expect((await api('/call', { action: 'whoami' }, token)).status).toBe(401);

  // A session expires after 8 hours.
  const later = await signIn(OWNER);
  expect((await api('/call', { action: 'whoami' }, later)).status).toBe(200);
  await cloud.advanceClock(8 * 60 * 60_000 + 1000);
  expect((await api('/call', { action: 'whoami' }, later)).status).toBe(401);

  // A warehouse member signed in, then removed by the owner: refused at the next call.
  await run(cloud, 'staff', ['add', { data: { _id: 'wh-desk', role: 'warehouse', name: '仓库' } }]);
  const warehouse = await signIn('wh-desk');
  expect((await api('/call', { action: 'skus' }, warehouse)).body.ok).toBe(true);
  expect(
    (
      await api(
        '/call',
        { action: 'refund', orderId: 'x', amountFen: 1, reason: 'x', requestId: 'abcdefgh' },
        warehouse,
      )
    ).body,
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  await expectOk(cloud, OWNER, 'admin', 'removeStaff', { openid: 'wh-desk' });
  expect((await api('/call', { action: 'skus' }, warehouse)).body).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
});
