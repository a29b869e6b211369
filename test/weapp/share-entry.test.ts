/** @jest-environment jsdom */
// Entering the real WeChat build through a QR code and a share card (miniprogram-simulate over
// dist/weapp, cloud calls to a running local cloud): a cold start from a scanned code signs the
// user in with the scene, binds them to the sharer and goes on to the code's product page; a
// share card opened while the app runs signs in again with its ref (the binding stays, as it is
// protected); a malformed scene never breaks the launch; the product page's share card carries
// the sharer's ref.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { SEED } from '../../emulator/seed/catalog';
import {
  cloudCalls,
  cloudData,
  lastNavigation,
  loadPage,
  showApp,
  startWeapp,
  TEST_OPENID,
  waitForText,
  waitUntil,
} from '../support/weapp-harness';

let cloud: LocalCloud;
const product = SEED.products.find((p) => p.status === 'ON')!;
const SHARER = 'weapp-sharer';
let scene = '';

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await cloudData(cloud.url, SHARER, 'user', 'launch');
  ({ scene } = await cloudData(cloud.url, SHARER, 'share', 'code', {
    target: { kind: 'product', id: product._id },
  }));
  // WeChat opens the code's page (home) with the scene URL-encoded in the query.
  await startWeapp({
    cloudUrl: cloud.url,
    launch: { path: 'pages/home/index', query: { scene: encodeURIComponent(scene) }, scene: 1047 },
  });
});
afterAll(async () => {
  await cloud?.stop();
});

it('a cold start from a scanned code binds the user to the sharer and opens the product', async () => {
  await waitUntil('the launch', () =>
    cloudCalls.some((c) => c.data.action === 'launch' && c.status === 200),
  );
  const launch = cloudCalls.find((c) => c.data.action === 'launch')!;
  expect(launch.data).toMatchObject({ scene, path: 'pages/home/index' });
  await waitUntil('the product page', () => !!lastNavigation('packages/product/detail/index'));
  expect(lastNavigation('packages/product/detail/index')).toEqual({ id: product._id });
  // The sharer now counts this user among the friends they brought.
  const summary = await cloudData(cloud.url, SHARER, 'share', 'summary');
  expect(summary.invited.users).toBe(1);
});

it('a share card opened while the app runs signs in again with its ref; the binding stays', async () => {
  const other = await cloudData(cloud.url, 'weapp-other-sharer', 'user', 'launch');
  const before = cloudCalls.length;
  showApp({
    path: 'packages/product/detail/index',
    query: { id: product._id, ref: other.user.refCode },
    scene: 1007,
  });
  await waitUntil('the sign-in', () =>
    cloudCalls.slice(before).some((c) => c.data.action === 'login' && c.status === 200),
  );
  const login = cloudCalls.slice(before).find((c) => c.data.action === 'login')!;
  expect(login.data).toMatchObject({ ref: other.user.refCode });
  expect((await cloudData(cloud.url, SHARER, 'share', 'summary')).invited.users).toBe(1);
  const other2 = await cloudData(cloud.url, 'weapp-other-sharer', 'share', 'summary');
  expect(other2.invited.users).toBe(0);
});

it('a malformed scene does not break anything: no call carries it', async () => {
  const before = cloudCalls.length;
  showApp({ path: 'pages/home/index', query: { scene: '%E4%B8' }, scene: 1047 });
  showApp({ path: 'pages/home/index', query: { ref: 'x'.repeat(40) }, scene: 1007 });
  await new Promise((r) => setTimeout(r, 200));
  expect(cloudCalls.slice(before)).toEqual([]);
});

it("the product page's share card carries the sharer's ref", async () => {
  const page = loadPage('packages/product/detail/index', { id: product._id });
  await waitForText(page, product.title);
  const card = page.instance.onShareAppMessage({ from: 'button' });
  const user = await cloudData(cloud.url, TEST_OPENID, 'user', 'me');
  expect(card).toMatchObject({
    title: product.title,
    path: `/packages/product/detail/index?id=${product._id}&ref=${user.refCode}`,
  });
  const timeline = page.instance.onShareTimeline();
  expect(timeline).toMatchObject({ query: `id=${product._id}&ref=${user.refCode}` });
});
