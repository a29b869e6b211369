// Attribution through the real SDK: share links and QR codes record touches and bind new users to
// whoever brought them, by the rules (first touch, no self-binding, no cycles, protection and
// expiry windows, the channel of the first touch); orders carry the inviter bound when placed;
// codes are made once (one openapi call per code, also when asked for at once) and WeChat's rate
// limit is reported; 1,000 concurrent first touches leave exactly one binding per user.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED } from '../../emulator/seed/catalog';
import { run } from '../support/db-probe';
import { buyNow, callAction, expectOk, paySandbox, readDoc, setFields } from '../support/shop';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const DAY = 24 * 60 * 60 * 1000;
const QR_API = 'wxacode.getUnlimited';
const product = SEED.products.find((p) => p.status === 'ON')!;
const sku = SEED.skus.find((s) => s.productId === product._id && s.stock >= 50)!;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());
afterEach(() => cloud.request('DELETE', '/_emulator/openapi/failures'));

/** Launches as `openid` (creating them) and returns their ref code. */
async function refOf(openid: string): Promise<string> {
  return (await expectOk(cloud, openid, 'user', 'launch', {})).user.refCode;
}

const launch = (openid: string, entry: object) => expectOk(cloud, openid, 'user', 'launch', entry);
const userDoc = (openid: string) => readDoc(cloud, 'users', openid);
const touchesOf = async (openid: string) =>
  (await run(cloud, 'touches', ['where', { openid }], ['get'])).data as any[];

async function qrCalls(scene: string): Promise<any[]> {
  const calls = (await cloud.request('GET', `/_emulator/openapi/calls?api=${QR_API}`))
    .body as any[];
  return calls.filter((c) => c.data.scene === scene);
}

it('a new user opening a share link is bound to the sharer, and the touch is kept', async () => {
  const ref = await refOf('sharer-a');
  expect(ref).toMatch(/^[0-9A-Za-z]{11}$/);
  const path = `packages/product/detail/index`;
  await launch('friend-b', { ref, path });
  const b = await userDoc('friend-b');
  expect(b.binding).toMatchObject({ inviterId: 'sharer-a', via: 'ref' });
  expect(b.binding.protectedUntil - b.binding.boundAt).toBe(30 * DAY);
  expect(b.binding.expiresAt - b.binding.boundAt).toBe(365 * DAY);
  expect(await touchesOf('friend-b')).toEqual([
    expect.objectContaining({ ref, path, sharerId: 'sharer-a', firstVisit: true, binds: true }),
  ]);
  // An organic launch later keeps no touch and changes nothing.
  await launch('friend-b', {});
  expect(await touchesOf('friend-b')).toHaveLength(1);
});

it('no self-binding, no cycles, an unknown ref binds no one, and each is still a touch', async () => {
  const refA = await refOf('cycle-a');
  await launch('cycle-b', { ref: refA });
  const refB = (await userDoc('cycle-b')).refCode;
  await launch('cycle-c', { ref: refB });
  const refC = (await userDoc('cycle-c')).refCode;
  // A opens B's and C's links: both would close a cycle (B and C were brought by A).
  await launch('cycle-a', { ref: refB });
  await launch('cycle-a', { ref: refC });
  await launch('cycle-a', { ref: refA });
  await launch('cycle-a', { ref: 'NoSuchRef01' });
  expect((await userDoc('cycle-a')).binding).toBeUndefined();
  const touches = await touchesOf('cycle-a');
  expect(touches.map((t) => t.binds)).toEqual([false, false, false, false]);
  expect(touches.map((t) => t.sharerId)).toEqual(['cycle-b', 'cycle-c', 'cycle-a', undefined]);
});

it('a cycle through a binding made later upstream is refused too', async () => {
  // x brought y while x was unbound; then w brought x; now w opening y's link would close w→y→x→w.
  const refX = await refOf('late-x');
  await launch('late-y', { ref: refX });
  const refW = await refOf('late-w');
  await launch('late-x', { ref: refW });
  const refY = (await userDoc('late-y')).refCode;
  await launch('late-w', { ref: refY });
  expect((await userDoc('late-x')).binding.inviterId).toBe('late-w');
  expect((await userDoc('late-w')).binding).toBeUndefined();
});

it("two users opening each other's links at the same moment: never a cycle, and one binding kept", async () => {
  for (let round = 0; round < 10; round++) {
    const [a, b] = [`mutual-a-${round}`, `mutual-b-${round}`];
    const [refA, refB] = [await refOf(a), await refOf(b)];
    await Promise.all([launch(a, { ref: refB }), launch(b, { ref: refA })]);
    const [docA, docB] = [await userDoc(a), await userDoc(b)];
    expect(docA.binding?.inviterId === b && docB.binding?.inviterId === a).toBe(false);
    expect(!!docA.binding || !!docB.binding).toBe(true);
  }
});

it('a binding a crash left before its cycle check is checked by the timer, and undone if it closes one', async () => {
  const [refA, refB] = [await refOf('crash-a'), await refOf('crash-b')];
  await launch('crash-a', { ref: refB });
  const bound = (await userDoc('crash-a')).binding;
  expect(bound).toMatchObject({ inviterId: 'crash-b' });
  expect(bound.unchecked).toBeUndefined();
  // crash-b bound to crash-a by a call that died before its check: a cycle no one undid.
  const { now } = (await cloud.request('GET', '/_emulator/clock')).body;
  await setFields(cloud, 'users', 'crash-b', {
    binding: { ...bound, inviterId: 'crash-a', boundAt: now, unchecked: true },
  });
  // And one that closes no cycle, left the same way, stands.
  await refOf('crash-c');
  await setFields(cloud, 'users', 'crash-c', {
    binding: { ...bound, boundAt: now, unchecked: true },
  });
  expect(refA).not.toBe(refB);
  await cloud.advanceClock(2 * 60_000);
  expect((await userDoc('crash-b')).binding).toBeUndefined();
  expect((await userDoc('crash-a')).binding.inviterId).toBe('crash-b');
  const c = (await userDoc('crash-c')).binding;
  expect(c.inviterId).toBe('crash-b');
  expect(c.unchecked).toBeUndefined();
});

it('a binding is protected for 30 days, then a new user can be taken over; one who paid cannot', async () => {
  const refA = await refOf('prot-a');
  const refE = await refOf('prot-e');
  await launch('prot-d', { ref: refA });
  await launch('prot-p', { ref: refA });
  await launch('prot-d', { ref: refE });
  expect((await userDoc('prot-d')).binding.inviterId).toBe('prot-a');
  // prot-p pays an order (no longer new) while bound to A.
  const placed = await buyNow(cloud, 'prot-p', sku._id);
  if (!placed.ok) throw new Error(placed.message);
  await paySandbox(cloud, placed.data.order.id);
  await cloud.advanceClock(31 * DAY);
  await launch('prot-d', { ref: refE });
  await launch('prot-p', { ref: refE });
  expect((await userDoc('prot-d')).binding.inviterId).toBe('prot-e');
  expect((await userDoc('prot-p')).binding.inviterId).toBe('prot-a');
});

it('orders record the inviter bound when they are placed; a lapsed binding names no one', async () => {
  const ref = await refOf('exp-a');
  await launch('exp-b', { ref });
  const first = await buyNow(cloud, 'exp-b', sku._id);
  if (!first.ok) throw new Error(first.message);
  expect((await readDoc(cloud, 'orders', first.data.order.id)).inviterId).toBe('exp-a');
  await cloud.advanceClock(366 * DAY);
  const later = await buyNow(cloud, 'exp-b', sku._id);
  if (!later.ok) throw new Error(later.message);
  expect((await readDoc(cloud, 'orders', later.data.order.id)).inviterId).toBeUndefined();
});

it('1,000 concurrent first touches from different sharers leave exactly one binding per user', async () => {
  const sharers = Array.from({ length: 10 }, (_, i) => `crowd-sharer-${i}`);
  const refs = await Promise.all(sharers.map(refOf));
  const users = Array.from({ length: 100 }, (_, i) => `crowd-user-${i}`);
  const calls = users.flatMap((u) =>
    refs.map((ref) => callAction(cloud, u, 'user', 'launch', { ref })),
  );
  const replies = await Promise.all(calls);
  expect(replies.filter((r) => !r.ok)).toEqual([]);
  const docs = (
    await run(
      cloud,
      'users',
      ['where', { _id: { $regex: '^crowd-user-' } }],
      ['limit', 1000],
      ['get'],
    )
  ).data as any[];
  expect(docs).toHaveLength(100);
  for (const doc of docs) expect(sharers).toContain(doc.binding?.inviterId);
  const touches = (
    await run(cloud, 'touches', ['where', { sharerId: { $regex: '^crowd-sharer-' } }], ['count'])
  ).total;
  expect(touches).toBe(1000);
});

it('a QR code is made once, even when asked for at once, and its scene brings the user to its page', async () => {
  await refOf('qr-a');
  const target = { kind: 'product', id: product._id };
  const codes = await Promise.all(
    Array.from({ length: 5 }, () => expectOk(cloud, 'qr-a', 'share', 'code', { target })),
  );
  const scene = codes[0].scene;
  expect(codes.every((c) => c.scene === scene && c.fileId === codes[0].fileId)).toBe(true);
  expect(scene.length).toBeLessThanOrEqual(32);
  expect(await qrCalls(scene)).toHaveLength(1);
  expect((await qrCalls(scene))[0].data).toMatchObject({ page: 'pages/home/index', scene });
  // The image is in cloud storage, served at its URL.
  const image = await fetch(codes[0].url);
  expect(image.headers.get('content-type')).toBe('image/png');
  // Again later: the same code, no new call.
  await expectOk(cloud, 'qr-a', 'share', 'code', { target });
  expect(await qrCalls(scene)).toHaveLength(1);

  const launched = await launch('qr-new', { scene });
  expect(launched.landing).toBe(`/packages/product/detail/index?id=${product._id}`);
  expect((await userDoc('qr-new')).binding).toMatchObject({ inviterId: 'qr-a', via: 'scene' });
});

it("WeChat's rate limit (45009) is reported and nothing is kept; the next ask makes the code", async () => {
  await cloud.request('POST', '/_emulator/openapi/failures', {
    api: QR_API,
    errCode: 45009,
    times: 1,
  });
  const target = { kind: 'home' };
  const limited = await callAction(cloud, 'qr-limited', 'share', 'code', { target });
  expect(limited).toMatchObject({ ok: false, code: 'QR_RATE_LIMITED' });
  const made = await expectOk(cloud, 'qr-limited', 'share', 'code', { target });
  expect(made.fileId).toMatch(/^cloud:\/\//);
  const doc = await readDoc(cloud, 'share_codes', made.scene);
  expect(doc.makingSince).toBeUndefined();
  // Codes cost WeChat calls: none for a product that does not exist.
  const before = (await cloud.request('GET', `/_emulator/openapi/calls?api=${QR_API}`)).body.length;
  for (const action of ['code', 'poster']) {
    const input =
      action === 'code'
        ? { target: { kind: 'product', id: 'no-such-product' } }
        : { productId: 'no-such-product' };
    expect(await callAction(cloud, 'qr-limited', 'share', action, input)).toMatchObject({
      ok: false,
      code: 'PRODUCT_UNAVAILABLE',
    });
  }
  expect((await cloud.request('GET', `/_emulator/openapi/calls?api=${QR_API}`)).body.length).toBe(
    before,
  );
});

it("staff's channel codes tag the users they bring, and count their scans, new users and orders", async () => {
  const code = await expectOk(cloud, OWNER, 'admin', 'saveChannelCode', {
    channel: 'store-12',
    name: '门店收银台',
  });
  expect(code).toMatchObject({ scene: 'ch.store-12', scans: 0, newUsers: 0, orders: 0 });
  const bad = await callAction(cloud, OWNER, 'admin', 'saveChannelCode', {
    channel: '门店',
    name: 'x',
  });
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await callAction(cloud, 'qr-a', 'admin', 'channelCodes', {})).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });

  await launch('store-visitor', { scene: 'ch.store-12' });
  await launch('store-visitor', { scene: 'ch.store-12' });
  await launch('demo-regular', { scene: 'ch.store-12' }); // an existing user: a scan, not a new user
  expect((await userDoc('store-visitor')).channel).toBe('store-12');
  expect((await userDoc('store-visitor')).binding).toBeUndefined(); // no sharer, no binding
  const placed = await buyNow(cloud, 'store-visitor', sku._id);
  if (!placed.ok) throw new Error(placed.message);
  await paySandbox(cloud, placed.data.order.id);

  const [listed] = await expectOk(cloud, OWNER, 'admin', 'channelCodes', {});
  expect(listed).toMatchObject({
    channel: 'store-12',
    name: '门店收银台',
    scans: 3,
    newUsers: 1,
    orders: 1,
    paidFen: placed.data.order.totalFen,
  });
  expect(await qrCalls('ch.store-12')).toHaveLength(1);
});
