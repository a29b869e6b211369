// The admin's stock work and staff roles through the real SDK: every admin action refuses the
// roles the permission table does not give it; the SKU list's figures and filters; setting and
// adjusting stock with their ledger entries; a bulk import all or nothing; the ledger summing to
// the stock in hand after 50 adjustments and 50 sales at once; staff added, limited, removed.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { DEMO_USERS, SEED, SPECIAL } from '../../emulator/seed/catalog';
import { seedCampaigns } from '../../emulator/seed/campaigns';
import { API } from '../../domain/api/contract';
import { DEFAULT_DISTRIBUTION } from '../../domain/distribution';
import {
  buyNow,
  callAction,
  dump,
  expectOk,
  paySandbox,
  readDoc,
  requestId,
} from '../support/shop';
import { run } from '../support/db-probe';

let cloud: LocalCloud;
const OWNER = DEMO_USERS.staff;
const ROLES = { owner: OWNER, operator: 'operator-1', warehouse: 'warehouse-1' } as const;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
  await run(cloud, 'staff', [
    'add',
    {
      data: [
        { _id: ROLES.operator, role: 'operator', name: '运营小李' },
        { _id: ROLES.warehouse, role: 'warehouse', name: '仓库小王' },
      ],
    },
  ]);
});
afterAll(() => cloud.stop());

const onSale = SEED.skus.filter(
  (s) => s.stock >= 20 && SEED.products.find((p) => p._id === s.productId)!.status === 'ON',
);

const NEW_PRODUCT = {
  title: '测试新品',
  categoryId: SEED.categories[0]._id,
  images: ['https://example.com/a.png'],
  specs: [{ name: '规格', values: ['标准'] }],
  onSale: false,
  skus: [{ specValues: ['标准'], priceFen: 990, stock: 5 }],
};

describe('the permission table', () => {
  // A valid input for every admin action: a new action without one fails this test.
  const sku = onSale[10]._id;
  const samples: Record<string, object | ((openid: string) => object)> = {
    confirmSignin: { code: 'no-such-code-1' },
    // Staff may end their own desktop sessions.
    revokeSessions: (openid: string) => ({ openid }),
    ship: { orderId: 'no-such-order', company: '顺丰', trackingNo: 'SF0000' },
    shippingUploads: {},
    dashboard: {},
    campaigns: {},
    setCampaignStatus: { campaignId: 'no-such-campaign', status: 'PAUSED' },
    products: {},
    product: { productId: 'p-longjing' },
    saveProduct: { product: NEW_PRODUCT },
    setProductOnSale: { productId: 'no-such-product', onSale: true },
    uploadImage: { contentType: 'image/svg+xml', base64: Buffer.from('<svg/>').toString('base64') },
    orders: { status: 'PAID' },
    order: { orderId: 'no-such-order' },
    bulkShip: { rows: [{ orderId: 'no-such-order', company: '顺丰', trackingNo: 'SF0000' }] },
    afterSales: {},
    rejectAfterSale: { orderId: 'no-such-order', note: '测试' },
    refund: { orderId: 'no-such-order', amountFen: 1, reason: '测试', requestId: requestId() },
    whoami: {},
    skus: { lowOnly: true },
    adjustStock: { skuId: sku, delta: 1, reason: '入库', requestId: requestId() },
    setStock: { skuId: sku, count: 50, reason: '盘点', requestId: requestId() },
    bulkStock: {
      rows: [{ skuId: sku, mode: 'ADJUST', amount: 1, reason: '入库' }],
      requestId: requestId(),
    },
    stockLedger: { skuId: sku },
    setLowStockThreshold: { skuId: sku, threshold: 5 },
    staffList: {},
    saveStaff: { openid: 'someone-new', name: '新同事', role: 'warehouse' },
    removeStaff: { openid: 'someone-new' },
    saveCampaign: { campaign: seedCampaigns(Date.now())[0] },
    distributionSettings: {},
    saveDistributionSettings: { settings: DEFAULT_DISTRIBUTION },
    distributors: {},
    setDistributorStatus: { openid: 'no-such-user', status: 'ACTIVE' },
    commissions: {},
    commissionLedger: { distributorId: 'no-such-user' },
    withdrawals: {},
    markWithdrawalPaid: { id: 'no-such-withdrawal' },
    rejectWithdrawal: { id: 'no-such-withdrawal', note: '测试' },
    channelCodes: {},
    noticeTemplates: {},
    saveNoticeTemplate: { kind: 'ORDER_PAID', templateId: 'local-order_paid' },
    outbox: {},
    resendNotice: { id: 'no-such-message' },
    pushNotice: { notice: { kind: 'BACK_IN_STOCK', skuId: 'no-such-sku' } },
    saveChannelCode: { channel: 'perm-test', name: '权限测试' },
    groups: {},
    groupDetail: { groupId: 'no-such-group' },
    closeGroup: { groupId: 'no-such-group' },
    cancelPresale: { campaignId: 'no-such-campaign' },
    blindBoxes: {},
    compensations: {},
    markCompensationPaid: { id: 'no-such-compensation' },
  };

  it.each(Object.entries(API.admin))(
    '%s: only its roles get past the door',
    async (action, spec) => {
      const sample = samples[action];
      expect(sample).toBeDefined();
      const inputFor = (openid: string) => (typeof sample === 'function' ? sample(openid) : sample);
      const allowed = (spec as { staff?: readonly string[] }).staff ?? [];
      expect(allowed.length).toBeGreaterThan(0);
      for (const [role, openid] of Object.entries(ROLES)) {
        const reply = await callAction(cloud, openid, 'admin', action, inputFor(openid));
        if (allowed.includes(role))
          expect({ role, code: reply.ok || reply.code }).not.toEqual({ role, code: 'FORBIDDEN' });
        else
          expect({ role, reply }).toMatchObject({ role, reply: { ok: false, code: 'FORBIDDEN' } });
      }
      const shopper = await callAction(
        cloud,
        'just-a-shopper',
        'admin',
        action,
        inputFor('just-a-shopper'),
      );
      expect(shopper).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    },
  );

  it('every admin action with input refuses a malformed one as INVALID_INPUT and writes nothing', async () => {
    const collections = [
      'skus',
      'stock_logs',
      'orders',
      'products',
      'campaigns',
      'staff',
      'admin_signins',
      'admin_sessions',
    ];
    const before = await dump(cloud, collections);
    let checked = 0;
    for (const action of Object.keys(API.admin)) {
      const sample = samples[action];
      const valid = typeof sample === 'function' ? sample(OWNER) : sample;
      const fields = Object.keys(valid);
      if (!fields.length) continue;
      // Every field of a valid input replaced by a value of the wrong kind.
      const malformed = Object.fromEntries(fields.map((f) => [f, { not: 'valid' }]));
      const reply = await callAction(cloud, OWNER, 'admin', action, malformed);
      expect({ action, reply }).toMatchObject({
        action,
        reply: { ok: false, code: 'INVALID_INPUT' },
      });
      expect(reply.ok === false && reply.message).toMatch(/^[^A-Za-z]+$/);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(await dump(cloud, collections)).toEqual(before);
  });

  it('warehouse staff may handle stock and shipping only', () => {
    const warehouse = Object.entries(API.admin)
      .filter(([, spec]) => (spec as { staff?: readonly string[] }).staff?.includes('warehouse'))
      .map(([name]) => name)
      .sort();
    expect(warehouse).toEqual(
      [
        'adjustStock',
        'bulkShip',
        'bulkStock',
        'confirmSignin',
        'revokeSessions',
        'setLowStockThreshold',
        'order',
        'orders',
        'setStock',
        'ship',
        'shippingUploads',
        'skus',
        'stockLedger',
        'whoami',
      ].sort(),
    );
  });
});

it('the SKU list shows stock in hand, held and sellable, and filters by keyword, category and low stock', async () => {
  const sku = onSale[3];
  const product = SEED.products.find((p) => p._id === sku.productId)!;
  // An unpaid order holds 2 units: still in hand, no longer sellable.
  await buyNow(cloud, 'list-buyer', sku._id, 2);
  const list = await expectOk(cloud, ROLES.warehouse, 'admin', 'skus', { keyword: product.title });
  const row = list.skus.find((s: any) => s.id === sku._id);
  expect(row).toMatchObject({
    title: product.title,
    inHand: sku.stock,
    held: 2,
    sellable: sku.stock - 2,
  });
  expect(list.skus.every((s: any) => s.productId === product._id)).toBe(true);

  const category = await expectOk(cloud, OWNER, 'admin', 'skus', {
    categoryId: product.categoryId,
  });
  expect(category.skus.length).toBeGreaterThan(0);
  for (const s of category.skus) expect(s.categoryId).toBe(product.categoryId);

  // Low stock: the seed's nearly sold-out SKU (3 left) is below the default threshold; a SKU
  // with its own threshold above its stock becomes low too.
  await expectOk(cloud, OWNER, 'admin', 'setLowStockThreshold', {
    skuId: onSale[5]._id,
    threshold: 100_000,
  });
  const low = await expectOk(cloud, OWNER, 'admin', 'skus', { lowOnly: true });
  const lowIds = low.skus.map((s: any) => s.id);
  expect(lowIds).toEqual(
    expect.arrayContaining([SPECIAL.lowStockSkuId, SPECIAL.soldOutSkuId, onSale[5]._id]),
  );
  expect(low.skus.every((s: any) => s.low)).toBe(true);
  expect(lowIds).not.toContain(onSale[6]._id);
});

it("setting a counted figure and adjusting write ledger entries with before and after; held units are not staff's to take", async () => {
  const sku = onSale[7];
  await buyNow(cloud, 'held-buyer', sku._id, 3);
  const set = await expectOk(cloud, ROLES.warehouse, 'admin', 'setStock', {
    skuId: sku._id,
    count: 40,
    reason: '盘点',
    requestId: 'set-once-0001',
  });
  expect(set).toMatchObject({
    kind: 'SET',
    before: sku.stock,
    after: 40,
    delta: 40 - sku.stock,
    by: ROLES.warehouse,
    reason: '盘点',
  });
  // The same request again: the same entry, nothing applied twice.
  expect(
    await expectOk(cloud, ROLES.warehouse, 'admin', 'setStock', {
      skuId: sku._id,
      count: 40,
      reason: '盘点',
      requestId: 'set-once-0001',
    }),
  ).toEqual(set);
  expect((await readDoc(cloud, 'skus', sku._id)).stock).toBe(37);
  // Counting fewer than the 3 held would take units an unpaid order holds: refused.
  expect(
    await callAction(cloud, OWNER, 'admin', 'setStock', {
      skuId: sku._id,
      count: 2,
      reason: '盘点',
      requestId: requestId(),
    }),
  ).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' });
  const ledger = await expectOk(cloud, OWNER, 'admin', 'stockLedger', { skuId: sku._id });
  expect(ledger.entries.map((e: any) => e.kind)).toEqual(['OPENING', 'SET']);
  expect(ledger.entries.at(-1).after).toBe(ledger.sku.inHand);
});

it('a bulk import is checked whole: one bad row changes nothing, and each error names its row', async () => {
  const [a, b] = [onSale[8], onSale[9]];
  const collections = ['skus', 'stock_logs'];
  const before = await dump(cloud, collections);
  const bad = await callAction(cloud, OWNER, 'admin', 'bulkStock', {
    rows: [
      { skuId: a._id, mode: 'ADJUST', amount: 5, reason: '入库' },
      { skuId: 'no-such-sku', mode: 'SET', amount: 5, reason: '盘点' },
      { skuId: b._id, mode: 'ADJUST', amount: -100_000, reason: '报损' },
    ],
    requestId: requestId(),
  });
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect((bad as any).details.errors.map((e: any) => e.row)).toEqual([2, 3]);
  expect(await dump(cloud, collections)).toEqual(before);

  const id = requestId();
  const rows = [
    { skuId: a._id, mode: 'ADJUST', amount: 5, reason: '入库' },
    { skuId: b._id, mode: 'SET', amount: 12, reason: '盘点' },
  ];
  const good = await expectOk(cloud, OWNER, 'admin', 'bulkStock', { rows, requestId: id });
  expect(good.applied).toHaveLength(2);
  // Retried: applied once.
  await expectOk(cloud, OWNER, 'admin', 'bulkStock', { rows, requestId: id });
  expect((await readDoc(cloud, 'skus', a._id)).stock).toBe(a.stock + 5);
  expect((await readDoc(cloud, 'skus', b._id)).stock).toBe(12);
});

it('the ledger sums to the stock in hand after 50 adjustments and 50 paid sales at once', async () => {
  const sku = onSale[11];
  // Enough stock that every sale and every -1 can succeed: the test is about the sum.
  await expectOk(cloud, OWNER, 'admin', 'setStock', {
    skuId: sku._id,
    count: 500,
    reason: '入库',
    requestId: requestId(),
  });
  const sales = Array.from({ length: 50 }, async (_, i) => {
    const reply = (await buyNow(cloud, `ledger-buyer-${i}`, sku._id, 1)) as any;
    if (reply.ok) await paySandbox(cloud, reply.data.order.id);
  });
  const adjustments = Array.from({ length: 50 }, (_, i) =>
    callAction(cloud, ROLES.warehouse, 'admin', 'adjustStock', {
      skuId: sku._id,
      delta: i % 2 ? 3 : -1,
      reason: i % 2 ? '入库' : '报损',
      requestId: requestId('ledger'),
    }),
  );
  const replies = await Promise.all([...adjustments, ...sales]);
  const adjusted = replies.slice(0, 50).filter((r: any) => r.ok).length;
  expect(adjusted).toBe(50);
  const ledger = await expectOk(cloud, OWNER, 'admin', 'stockLedger', { skuId: sku._id });
  const sum = ledger.entries.reduce((n: number, e: any) => n + e.delta, 0);
  expect(sum).toBe(ledger.sku.inHand);
  expect(ledger.entries.at(-1).after).toBe(ledger.sku.inHand);
  expect(ledger.entries.filter((e: any) => e.kind === 'SALE')).toHaveLength(
    (await readDoc(cloud, 'skus', sku._id)).sold - sku.sold,
  );
});

it('the owner manages staff; a removed member loses access at the next call; the last owner stays', async () => {
  const list = await expectOk(cloud, OWNER, 'admin', 'saveStaff', {
    openid: 'temp-staff',
    name: '临时工',
    role: 'warehouse',
  });
  expect(list).toContainEqual({ openid: 'temp-staff', name: '临时工', role: 'warehouse' });
  expect(await expectOk(cloud, 'temp-staff', 'admin', 'whoami')).toMatchObject({
    role: 'warehouse',
    actions: expect.arrayContaining(['adjustStock', 'ship']),
  });
  await expectOk(cloud, OWNER, 'admin', 'removeStaff', { openid: 'temp-staff' });
  expect(await callAction(cloud, 'temp-staff', 'admin', 'whoami')).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(await callAction(cloud, OWNER, 'admin', 'removeStaff', { openid: OWNER })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  expect(
    await callAction(cloud, OWNER, 'admin', 'saveStaff', {
      openid: OWNER,
      name: '店长老周',
      role: 'operator',
    }),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(
    await callAction(cloud, ROLES.operator, 'admin', 'saveStaff', {
      openid: 'x',
      name: 'x',
      role: 'owner',
    }),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
