// Cloud storage through the real wx-server-sdk against the local cloud (the storageProbe function
// calls cloud.uploadFile / downloadFile / getTempFileURL / deleteFile): result shapes, per-file
// errors, the SDK's own parameter checks, paths that would escape the bucket, files served over
// HTTP at their temporary URLs, the browser build's endpoints, and files surviving a restart.
import { startLocalCloud, tempDataDir, type LocalCloud } from '../../emulator/launcher';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud();
});
afterAll(() => cloud.stop());

const BUCKET = /^cloud:\/\/local\.6c6f-local-\d+\//;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const probe = (c: LocalCloud, event: object) => c.call('storageProbe', event) as Promise<any>;
const upload = (c: LocalCloud, cloudPath: unknown, text?: string) =>
  probe(c, { op: 'upload', cloudPath, ...(text === undefined ? {} : { base64: b64(text) }) });
const tempUrls = (c: LocalCloud, fileList: unknown) => probe(c, { op: 'tempUrls', fileList });

it('uploads, gives a URL that serves the same bytes, downloads them, and overwrites', async () => {
  const up = await upload(cloud, 'docs/hello.txt', '你好，云存储');
  expect(up.result).toMatchObject({ errMsg: 'uploadFile:ok' });
  const fileID: string = up.result.fileID;
  expect(fileID).toMatch(BUCKET);
  expect(fileID.endsWith('/docs/hello.txt')).toBe(true);

  const urls = await tempUrls(cloud, [fileID]);
  expect(urls.result.fileList).toEqual([
    {
      fileID,
      status: 0,
      errMsg: 'ok',
      maxAge: expect.any(Number),
      tempFileURL: expect.any(String),
    },
  ]);
  const served = await fetch(urls.result.fileList[0].tempFileURL);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(await served.text()).toBe('你好，云存储');

  const down = await probe(cloud, { op: 'download', fileID });
  expect(Buffer.from(down.result.fileContent, 'base64').toString()).toBe('你好，云存储');

  await upload(cloud, 'docs/hello.txt', 'replaced');
  const again = await probe(cloud, { op: 'download', fileID });
  expect(Buffer.from(again.result.fileContent, 'base64').toString()).toBe('replaced');
});

it('lists per file: existing ones with URLs, missing ones with -503003, objects with maxAge', async () => {
  const { result } = await upload(cloud, 'img/a.svg', '<svg/>');
  const missing = result.fileID.replace('a.svg', 'nope.svg');
  const res = await tempUrls(cloud, [result.fileID, { fileID: missing, maxAge: 60 }]);
  expect(res.result.fileList).toEqual([
    expect.objectContaining({ fileID: result.fileID, status: 0 }),
    { fileID: missing, status: -503003, errMsg: expect.any(String), maxAge: 60, tempFileURL: '' },
  ]);
  const served = await fetch(res.result.fileList[0].tempFileURL);
  expect(served.headers.get('content-type')).toBe('image/svg+xml');
  // The SDK's own check: an object item needs both fileID and maxAge.
  expect((await tempUrls(cloud, [{ fileID: result.fileID }])).thrown).toBeDefined();
});

it('deletes per file; a deleted file is gone everywhere', async () => {
  const { result } = await upload(cloud, 'tmp/gone.txt', 'bye');
  const missing = result.fileID.replace('gone.txt', 'never.txt');
  const url = (await tempUrls(cloud, [result.fileID])).result.fileList[0].tempFileURL;
  const del = await probe(cloud, { op: 'delete', fileList: [result.fileID, missing] });
  expect(del.result.fileList).toEqual([
    { fileID: result.fileID, status: 0, errMsg: 'ok' },
    { fileID: missing, status: -503003, errMsg: expect.any(String) },
  ]);
  expect((await tempUrls(cloud, [result.fileID])).result.fileList[0].status).toBe(-503003);
  expect((await probe(cloud, { op: 'download', fileID: result.fileID })).thrown).toBeDefined();
  expect((await fetch(url)).status).toBe(404);
});

it('refuses bad uploads: no content, a path escaping the bucket, a forged upload', async () => {
  expect((await upload(cloud, 'x/no-content.txt')).thrown).toBeDefined();
  for (const cloudPath of ['../escape.txt', '/abs.txt', 'a//b.txt', ''])
    expect((await upload(cloud, cloudPath, 'x')).thrown).toBeDefined();
  // An upload without the signature the upload ticket carries is refused as COS would.
  const { result } = await upload(cloud, 'x/signed.txt', 'ok');
  const url = (await tempUrls(cloud, [result.fileID])).result.fileList[0].tempFileURL;
  const forged = await fetch(url, { method: 'PUT', body: 'forged' });
  expect(forged.status).toBe(403);
  expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  expect(await (await fetch(url)).text()).toBe('ok');
});

it('the browser build uploads and resolves file ids like wx.cloud does', async () => {
  const up = await cloud.request(
    'POST',
    '/_emulator/storage/upload?cloudPath=' + encodeURIComponent('avatars/u1.txt'),
  );
  // An empty body is a valid (empty) file.
  expect(up.status).toBe(200);
  expect(up.body).toMatchObject({ statusCode: 200, errMsg: 'uploadFile:ok' });
  const res = await cloud.request('POST', '/_emulator/storage/temp-urls', {
    fileList: [up.body.fileID, 'cloud://other.bucket/x.png'],
  });
  expect(res.body.fileList).toEqual([
    expect.objectContaining({ fileID: up.body.fileID, status: 0 }),
    expect.objectContaining({ fileID: 'cloud://other.bucket/x.png', status: -503003 }),
  ]);
  const bad = await cloud.request('POST', '/_emulator/storage/upload?cloudPath=..%2Fx');
  expect(bad.status).toBe(400);
});

it('files survive a restart of the local cloud', async () => {
  const dataDir = tempDataDir();
  const first = await startLocalCloud({ dataDir });
  const { result } = await upload(first, 'keep/me.txt', '留下');
  await first.stop();
  const second = await startLocalCloud({ dataDir });
  try {
    const down = await probe(second, { op: 'download', fileID: result.fileID });
    expect(Buffer.from(down.result.fileContent, 'base64').toString()).toBe('留下');
  } finally {
    await second.stop();
  }
});
