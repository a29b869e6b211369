// The opt-in ledger through the real SDK (issue 11, first part): the app asks which template ids
// to request, reports what the user answered, and each accept counts once, also when reports
// arrive together or are retried; refusals count nothing; strangers' templates are refused.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { callAction, expectOk, readDoc, requestId } from '../support/shop';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ seed: true });
});
afterAll(() => cloud.stop());

it('the template ids to ask for, per notice kind', async () => {
  const ids = await expectOk(cloud, 'optin-a', 'notice', 'templates', {
    kinds: ['ORDER_PAID', 'ORDER_SHIPPED', 'REFUND_DONE'],
  });
  expect(ids).toEqual({
    ORDER_PAID: 'local-order_paid',
    ORDER_SHIPPED: 'local-order_shipped',
    REFUND_DONE: 'local-refund_done',
  });
  const four = await callAction(cloud, 'optin-a', 'notice', 'templates', {
    kinds: ['ORDER_PAID', 'ORDER_SHIPPED', 'REFUND_DONE', 'BACK_IN_STOCK'],
  });
  expect(four).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  const unknown = await callAction(cloud, 'optin-a', 'notice', 'templates', { kinds: ['SPAM'] });
  expect(unknown).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
});

it('50 accepts reported at once count 50; a report retried 10 times at once counts once', async () => {
  const tmpl = 'local-order_paid';
  await Promise.all(
    Array.from({ length: 50 }, () =>
      expectOk(cloud, 'optin-b', 'notice', 'subscribe', {
        reportId: requestId('r'),
        answers: { [tmpl]: 'accept' },
      }),
    ),
  );
  expect((await readDoc(cloud, 'optins', `optin-b:${tmpl}`)).count).toBe(50);
  const same = requestId('same');
  await Promise.all(
    Array.from({ length: 10 }, () =>
      expectOk(cloud, 'optin-b', 'notice', 'subscribe', {
        reportId: same,
        answers: { [tmpl]: 'acceptWithAlert' },
      }),
    ),
  );
  expect(await expectOk(cloud, 'optin-b', 'notice', 'optIns', {})).toEqual({ [tmpl]: 51 });
});

it('refusals count nothing; a standing refusal is recorded; strangers are refused, nothing written', async () => {
  const tmpl = 'local-order_shipped';
  const reply = await expectOk(cloud, 'optin-c', 'notice', 'subscribe', {
    reportId: requestId('r'),
    answers: { [tmpl]: 'reject', 'local-refund_done': 'ban' },
  });
  expect(reply).toEqual({});
  await expectOk(cloud, 'optin-c', 'notice', 'subscribe', {
    reportId: requestId('r'),
    answers: { [tmpl]: 'reject' },
    always: true,
  });
  expect(await readDoc(cloud, 'optins', `optin-c:${tmpl}`)).toMatchObject({
    count: 0,
    always: 'reject',
  });
  const stranger = await callAction(cloud, 'optin-d', 'notice', 'subscribe', {
    reportId: requestId('r'),
    answers: { 'someone-elses-template': 'accept', 'local-order_paid': 'accept' },
  });
  expect(stranger).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  expect(await expectOk(cloud, 'optin-d', 'notice', 'optIns', {})).toEqual({});
});
