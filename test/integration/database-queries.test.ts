// Conformance: query operators, result shapes, limits and errors, through the real
// wx-server-sdk inside a cloud function called through the gateway.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';
import { cmd, regexp, run, runError, serverDate } from '../support/db-probe';

let cloud: LocalCloud;

const products = [
  {
    _id: 'p1',
    sku: 'tea',
    price: 990,
    tags: ['hot', 'new'],
    spec: { size: 'S', stock: 5 },
    shop: 's1',
    status: 'on',
  },
  {
    _id: 'p2',
    sku: 'cake',
    price: 2990,
    tags: ['new'],
    spec: { size: 'M', stock: 0 },
    shop: 's1',
    status: 'off',
  },
  {
    _id: 'p3',
    sku: 'milk',
    price: 1590,
    tags: [],
    spec: { size: 'L', stock: 12 },
    shop: 's2',
    status: 'on',
  },
  {
    _id: 'p4',
    sku: 'Tea-Box',
    price: 9900,
    spec: { size: 'L', stock: 3 },
    shop: 's2',
    status: 'on',
    lines: [
      { k: 'a', qty: 1 },
      { k: 'b', qty: 2 },
    ],
  },
];

beforeAll(async () => {
  cloud = await startLocalCloud();
  await run(cloud, 'items', ['add', { data: products }]);
});
afterAll(() => cloud.stop());

const ids = (value: { data: { _id: string }[] }) => value.data.map((d) => d._id);

describe('reads', () => {
  it('get returns {data, errMsg} and doc().get returns one document', async () => {
    const all = await run(cloud, 'items', ['get']);
    expect(all.errMsg).toBe('collection.get:ok');
    expect(ids(all)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const one = await run(cloud, 'items', ['doc', 'p2'], ['get']);
    expect(one).toEqual({ data: products[1], errMsg: 'document.get:ok' });
  });

  it('a missing document makes doc().get throw errCode -1', async () => {
    const error = await runError(cloud, 'items', ['doc', 'nope'], ['get']);
    expect(error.errCode).toBe(-1);
    expect(error.errMsg).toContain('document with _id nope does not exist');
  });

  it.each([
    ['gt', { price: cmd('gt', [1590]) }, ['p2', 'p4']],
    ['gte', { price: cmd('gte', [1590]) }, ['p2', 'p3', 'p4']],
    ['lt', { price: cmd('lt', [1590]) }, ['p1']],
    ['lte', { price: cmd('lte', [1590]) }, ['p1', 'p3']],
    ['eq', { sku: cmd('eq', ['milk']) }, ['p3']],
    ['neq', { shop: cmd('neq', ['s1']) }, ['p3', 'p4']],
    ['in', { sku: cmd('in', [['tea', 'milk', 'none']]) }, ['p1', 'p3']],
    ['nin', { sku: cmd('nin', [['tea', 'milk']]) }, ['p2', 'p4']],
    ['nested object', { spec: { size: 'L' } }, ['p3', 'p4']],
    ['dotted path', { 'spec.stock': cmd('gt', [4]) }, ['p1', 'p3']],
    ['array contains', { tags: 'new' }, ['p1', 'p2']],
    ['all', { tags: cmd('all', [['hot', 'new']]) }, ['p1']],
    ['size', { tags: cmd('size', [0]) }, ['p3']],
    ['exists false', { tags: cmd('exists', [false]) }, ['p4']],
    ['elemMatch', { lines: cmd('elemMatch', [{ k: 'b', qty: cmd('gte', [2]) }]) }, ['p4']],
    ['regexp', { sku: regexp('^tea', 'i') }, ['p1', 'p4']],
    ['and chain', { price: cmd('gt', [1000], [['and', cmd('lt', [5000])]]) }, ['p2', 'p3']],
    ['mod', { price: cmd('mod', [[10, 0]]) }, ['p1', 'p2', 'p3', 'p4']],
  ])('operator %s', async (_name, where, expected) => {
    expect(ids(await run(cloud, 'items', ['where', where], ['get']))).toEqual(expected);
  });

  it('command.or across fields and command.and of conditions', async () => {
    const or = await run(
      cloud,
      'items',
      ['where', cmd('or', [[{ sku: 'milk' }, { price: cmd('gt', [5000]) }]])],
      ['get'],
    );
    expect(ids(or)).toEqual(['p3', 'p4']);
    const and = await run(
      cloud,
      'items',
      ['where', cmd('and', [[{ shop: 's2' }, { price: cmd('lt', [5000]) }]])],
      ['get'],
    );
    expect(ids(and)).toEqual(['p3']);
  });

  it('orderBy (several fields), skip, limit and field projection', async () => {
    const sorted = await run(
      cloud,
      'items',
      ['orderBy', 'shop', 'desc'],
      ['orderBy', 'price', 'asc'],
      ['get'],
    );
    expect(ids(sorted)).toEqual(['p3', 'p4', 'p1', 'p2']);
    const page = await run(
      cloud,
      'items',
      ['orderBy', 'price', 'desc'],
      ['skip', 1],
      ['limit', 2],
      ['get'],
    );
    expect(ids(page)).toEqual(['p2', 'p3']);
    const projected = await run(
      cloud,
      'items',
      ['where', { _id: 'p1' }],
      ['field', { sku: true, 'spec.size': true }],
      ['get'],
    );
    expect(projected.data).toEqual([{ _id: 'p1', sku: 'tea', spec: { size: 'S' } }]);
  });

  it('count returns {total}', async () => {
    expect(await run(cloud, 'items', ['where', { status: 'on' }], ['count'])).toEqual({
      total: 3,
      errMsg: 'collection.count:ok',
    });
  });

  it('indexed fields (single and compound) answer like a scan', async () => {
    expect(ids(await run(cloud, 'items', ['where', { sku: 'cake' }], ['get']))).toEqual(['p2']);
    expect(
      ids(await run(cloud, 'items', ['where', { shop: 's2', status: 'on' }], ['get'])),
    ).toEqual(['p3', 'p4']);
    expect(
      ids(
        await run(
          cloud,
          'items',
          ['where', { shop: 's2', status: 'on', price: cmd('lt', [2000]) }],
          ['get'],
        ),
      ),
    ).toEqual(['p3']);
    expect(
      ids(await run(cloud, 'items', ['where', { _id: cmd('in', [['p4', 'p1', 'zz']]) }], ['get'])),
    ).toEqual(['p1', 'p4']);
  });
});

describe('limits', () => {
  beforeAll(async () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({
      _id: `w${String(i).padStart(4, '0')}`,
      i,
    }));
    for (let i = 0; i < many.length; i += 400)
      await run(cloud, 'writes', ['add', { data: many.slice(i, i + 400) }]);
  });

  it('get() without limit returns 100 (the SDK sends 100)', async () => {
    expect((await run(cloud, 'writes', ['get'])).data).toHaveLength(100);
  });

  it('limit above 1000 is clamped to 1000', async () => {
    expect((await run(cloud, 'writes', ['limit', 5000], ['get'])).data).toHaveLength(1000);
  });

  it('skip pages past the limit and count is not limited', async () => {
    const last = await run(
      cloud,
      'writes',
      ['orderBy', 'i', 'asc'],
      ['skip', 1100],
      ['limit', 1000],
      ['get'],
    );
    expect(last.data).toHaveLength(100);
    expect(last.data[0].i).toBe(1100);
    expect((await run(cloud, 'writes', ['count'])).total).toBe(1200);
  });
});

describe('writes', () => {
  it('add returns {_id}; an array add returns ids; a duplicate _id is refused', async () => {
    const added = await run(cloud, 'uniq', ['add', { data: { code: 'A1' } }]);
    expect(added).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{32}$/),
      errMsg: 'collection.add:ok',
    });
    const own = await run(cloud, 'uniq', ['add', { data: { _id: 'fixed', code: 'B1' } }]);
    expect(own._id).toBe('fixed');
    const dup = await runError(cloud, 'uniq', ['add', { data: { _id: 'fixed', code: 'C1' } }]);
    expect(dup.errMsg).toContain('duplicate key');
    expect(await run(cloud, 'uniq', ['where', { _id: 'fixed' }], ['count'])).toMatchObject({
      total: 1,
    });
  });

  it('a unique index refuses a second document with the same key', async () => {
    const error = await runError(cloud, 'uniq', ['add', { data: { code: 'A1' } }]);
    expect(error.errMsg).toContain('duplicate key');
    const clash = await runError(
      cloud,
      'uniq',
      ['doc', 'fixed'],
      ['update', { data: { code: 'A1' } }],
    );
    expect(clash.errMsg).toContain('duplicate key');
    expect(await run(cloud, 'uniq', ['where', { code: 'A1' }], ['count'])).toMatchObject({
      total: 1,
    });
  });

  it('update operators', async () => {
    await run(
      cloud,
      'kv',
      ['doc', 'ops'],
      [
        'set',
        {
          data: {
            n: 5,
            arr: [1, 2, 3],
            set: [1],
            o: { a: 1 },
            gone: true,
            old: 'x',
            m: 3,
            lines: [
              { k: 'a', qty: 1 },
              { k: 'b', qty: 1 },
            ],
          },
        },
      ],
    );
    const res = await run(
      cloud,
      'kv',
      ['doc', 'ops'],
      [
        'update',
        {
          data: {
            n: cmd('inc', [2]),
            arr: cmd('push', [[4, 5]]),
            set: cmd('addToSet', [1]),
            'o.b': 2,
            gone: cmd('remove'),
            old: cmd('rename', ['renamed']),
            m: cmd('mul', [2]),
            low: cmd('min', [1]),
          },
        },
      ],
    );
    expect(res).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    const first = (await run(cloud, 'kv', ['doc', 'ops'], ['get'])).data;
    expect(first).toMatchObject({
      n: 7,
      arr: [1, 2, 3, 4, 5],
      set: [1],
      o: { a: 1, b: 2 },
      renamed: 'x',
      m: 6,
      low: 1,
    });
    expect(first).not.toHaveProperty('gone');
    expect(first).not.toHaveProperty('old');

    await run(
      cloud,
      'kv',
      ['doc', 'ops'],
      [
        'update',
        {
          data: {
            arr: cmd('pop'),
            set: cmd('addToSet', [{ $each: [1, 2, 2, 3] }]),
            m: cmd('max', [10]),
          },
        },
      ],
    );
    await run(cloud, 'kv', ['doc', 'ops'], ['update', { data: { arr: cmd('shift') } }]);
    await run(cloud, 'kv', ['doc', 'ops'], ['update', { data: { arr: cmd('unshift', [[0]]) } }]);
    await run(
      cloud,
      'kv',
      ['doc', 'ops'],
      ['update', { data: { arr: cmd('pull', [cmd('gt', [3])]) } }],
    );
    const second = (await run(cloud, 'kv', ['doc', 'ops'], ['get'])).data;
    expect(second).toMatchObject({ arr: [0, 2, 3], set: [1, 2, 3], m: 10 });

    // Positional update: the element matched by the query.
    await run(
      cloud,
      'kv',
      ['where', { _id: 'ops', 'lines.k': 'b' }],
      ['update', { data: { 'lines.$.qty': cmd('inc', [5]) } }],
    );
    expect((await run(cloud, 'kv', ['doc', 'ops'], ['get'])).data.lines).toEqual([
      { k: 'a', qty: 1 },
      { k: 'b', qty: 6 },
    ]);
    // Several fields of the element an $elemMatch found, in one update (as MongoDB allows).
    await run(
      cloud,
      'kv',
      ['where', { _id: 'ops', lines: cmd('elemMatch', [{ k: 'a', qty: 1 }]) }],
      ['update', { data: { 'lines.$.qty': 2, 'lines.$.done': true } }],
    );
    expect((await run(cloud, 'kv', ['doc', 'ops'], ['get'])).data.lines).toEqual([
      { k: 'a', qty: 2, done: true },
      { k: 'b', qty: 6 },
    ]);
  });

  it('set replaces the document (upsert when missing) and reports created/updated', async () => {
    const created = await run(cloud, 'kv', ['doc', 'set1'], ['set', { data: { a: 1, b: 2 } }]);
    expect(created).toEqual({
      _id: 'set1',
      stats: { updated: 0, created: 1 },
      errMsg: 'document.set:ok',
    });
    const replaced = await run(cloud, 'kv', ['doc', 'set1'], ['set', { data: { c: 3 } }]);
    expect(replaced).toEqual({
      _id: 'set1',
      stats: { updated: 1, created: 0 },
      errMsg: 'document.set:ok',
    });
    expect((await run(cloud, 'kv', ['doc', 'set1'], ['get'])).data).toEqual({ _id: 'set1', c: 3 });
  });

  it('conditional update matches nothing without an error; no-op updates report 0', async () => {
    await run(cloud, 'kv', ['doc', 'stock'], ['set', { data: { stock: 1 } }]);
    const first = await run(
      cloud,
      'kv',
      ['where', { _id: 'stock', stock: cmd('gte', [1]) }],
      ['update', { data: { stock: cmd('inc', [-1]) } }],
    );
    const second = await run(
      cloud,
      'kv',
      ['where', { _id: 'stock', stock: cmd('gte', [1]) }],
      ['update', { data: { stock: cmd('inc', [-1]) } }],
    );
    expect([first.stats.updated, second.stats.updated]).toEqual([1, 0]);
    expect(second.errMsg).toBe('collection.update:ok');
    const same = await run(cloud, 'kv', ['doc', 'stock'], ['update', { data: { stock: 0 } }]);
    expect(same.stats.updated).toBe(0);
  });

  it('where().update/remove change every match and report counts', async () => {
    await run(cloud, 'kv', [
      'add',
      {
        data: [
          { group: 'g', v: 1 },
          { group: 'g', v: 2 },
          { group: 'h', v: 3 },
        ],
      },
    ]);
    expect(
      (await run(cloud, 'kv', ['where', { group: 'g' }], ['update', { data: { touched: true } }]))
        .stats.updated,
    ).toBe(2);
    expect(
      await run(cloud, 'kv', ['where', { group: cmd('in', [['g', 'h']]) }], ['remove']),
    ).toEqual({ stats: { removed: 3 }, errMsg: 'collection.remove:ok' });
    expect((await run(cloud, 'kv', ['where', { group: 'g' }], ['count'])).total).toBe(0);
  });

  it('doc().remove reports removed 1, then 0', async () => {
    await run(cloud, 'kv', ['doc', 'del'], ['set', { data: { x: 1 } }]);
    expect((await run(cloud, 'kv', ['doc', 'del'], ['remove'])).stats.removed).toBe(1);
    expect((await run(cloud, 'kv', ['doc', 'del'], ['remove'])).stats.removed).toBe(0);
  });

  it('db.serverDate() stores a Date on the server clock, with offset', async () => {
    const before = Date.now();
    await run(
      cloud,
      'kv',
      ['doc', 'dates'],
      ['set', { data: { at: serverDate(), later: serverDate(60_000), given: { $date: 0 } } }],
    );
    const doc = (await run(cloud, 'kv', ['doc', 'dates'], ['get'])).data;
    const at = Date.parse(doc.at.$date);
    expect(at).toBeGreaterThanOrEqual(before - 5);
    expect(at).toBeLessThanOrEqual(Date.now() + 5);
    expect(Date.parse(doc.later.$date) - at).toBeGreaterThanOrEqual(59_990);
    expect(doc.given).toEqual({ $date: new Date(0).toISOString() });
    const found = await run(
      cloud,
      'kv',
      ['where', { _id: 'dates', at: cmd('lte', [serverDate()]) }],
      ['count'],
    );
    expect(found.total).toBe(1);
  });
});

describe('aggregate', () => {
  it('$match, $group, $sort, $project, $skip, $limit, $count', async () => {
    const grouped = await run(
      cloud,
      'items',
      ['aggregate'],
      ['match', { status: 'on' }],
      [
        'group',
        { _id: '$shop', total: cmd('aggregate.sum', ['$price']), n: cmd('aggregate.sum', [1]) },
      ],
      ['sort', { total: -1 }],
      ['project', { _id: 0, shop: '$_id', total: 1, n: 1 }],
      ['end'],
    );
    expect(grouped).toEqual({
      list: [
        { shop: 's2', total: 11490, n: 2 },
        { shop: 's1', total: 990, n: 1 },
      ],
      errMsg: 'collection.aggregate:ok',
    });
    const paged = await run(
      cloud,
      'items',
      ['aggregate'],
      ['sort', { price: 1 }],
      ['skip', 1],
      ['limit', 2],
      ['project', { sku: 1 }],
      ['end'],
    );
    expect(paged.list).toEqual([
      { _id: 'p3', sku: 'milk' },
      { _id: 'p2', sku: 'cake' },
    ]);
    const counted = await run(
      cloud,
      'items',
      ['aggregate'],
      ['match', { price: cmd('gt', [1000]) }],
      ['count', 'expensive'],
      ['end'],
    );
    expect(counted.list).toEqual([{ expensive: 3 }]);
  });

  it('$unwind and $lookup', async () => {
    await run(cloud, 'counters', [
      'add',
      {
        data: [
          { _id: 'c-tea', sku: 'tea', sold: 7 },
          { _id: 'c-milk', sku: 'milk', sold: 2 },
        ],
      },
    ]);
    const unwound = await run(
      cloud,
      'items',
      ['aggregate'],
      ['match', { _id: 'p1' }],
      ['unwind', '$tags'],
      ['project', { _id: 0, tags: 1 }],
      ['end'],
    );
    expect(unwound.list).toEqual([{ tags: 'hot' }, { tags: 'new' }]);
    const joined = await run(
      cloud,
      'items',
      ['aggregate'],
      ['match', { sku: cmd('in', [['tea', 'milk']]) }],
      ['lookup', { from: 'counters', localField: 'sku', foreignField: 'sku', as: 'sales' }],
      ['project', { _id: 0, sku: 1, sold: '$sales.sold' }],
      ['end'],
    );
    expect(joined.list).toEqual([
      { sku: 'tea', sold: [7] },
      { sku: 'milk', sold: [2] },
    ]);
  });
});

describe('collections', () => {
  it('every operation on a missing collection fails with -502005', async () => {
    const calls: [string, ...unknown[]][][] = [
      [['get']],
      [['count']],
      [['add', { data: { a: 1 } }]],
      [
        ['doc', 'x'],
        ['set', { data: { a: 1 } }],
      ],
      [
        ['where', { a: 1 }],
        ['update', { data: { a: 2 } }],
      ],
      [['where', { a: 1 }], ['remove']],
      [['aggregate'], ['end']],
    ];
    for (const chain of calls) {
      const error = await runError(cloud, 'missing_collection', ...chain);
      expect(error.errCode).toBe(-502005);
      expect(error.errMsg).toContain('Db or Table not exist');
    }
  });

  it('createCollection creates one, and refuses to create it twice', async () => {
    expect(await run(cloud, undefined, ['createCollection', 'fresh'])).toMatchObject({
      errMsg: 'createCollection:ok',
    });
    expect((await run(cloud, 'fresh', ['add', { data: { a: 1 } }]))._id).toBeTruthy();
    const again = await runError(cloud, undefined, ['createCollection', 'fresh']);
    expect(again.errMsg).toContain('Table exist');
  });
});
