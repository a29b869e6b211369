/** @jest-environment jsdom */
// The admin in the mini-program build, as the demo owner: the stock list shows the cloud's SKUs,
// and scanning a desktop sign-in code opens the confirm page, whose tap lets the browser in.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS } from '../../emulator/seed/catalog';
import {
  cloudData,
  loadPage,
  postJson,
  renderedText,
  startWeapp,
  tap,
  waitForText,
} from '../support/weapp-harness';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await startWeapp({ cloudUrl: cloud.url, openid: OWNER });
});
afterAll(async () => {
  await cloud?.stop();
});

it('the stock list shows the SKUs the cloud lists for staff', async () => {
  const list = await cloudData(cloud.url, OWNER, 'admin', 'skus', {});
  const page = loadPage('packages/admin/stock/index');
  await waitForText(page, list.skus[0].title);
  const text = renderedText(page);
  for (const sku of list.skus.slice(0, 10))
    expect(text).toContain(`在库 ${sku.inHand} · 占用 ${sku.held} · 可售 ${sku.sellable}`);
});

it('the sign-in page a desktop QR opens confirms that browser', async () => {
  const started = await postJson(cloud.url, '/http/admin-api/signin/start', {});
  const code: string = started.data.code;
  // WeChat delivers the QR's scene URL-encoded.
  const page = loadPage('packages/admin/signin/index', { scene: encodeURIComponent(`a=${code}`) });
  await waitForText(page, '确认登录');
  tap(page, '.admin-signin-confirm');
  await waitForText(page, '已登录');
  const polled = await postJson(cloud.url, '/http/admin-api/signin/poll', { code });
  expect(polled.data).toMatchObject({ status: 'SIGNED_IN', openid: OWNER });
});
