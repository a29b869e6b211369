// The gateway: routing, input errors, function errors, and staying up through them.
import { startLocalCloud, type LocalCloud } from '../../emulator/launcher';

let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await startLocalCloud({ env: { CLOUD_MAX_BODY_BYTES: '10000' } });
});
afterAll(() => cloud.stop());

it('POST /functions/<name> returns the function result as JSON', async () => {
  const { status, body } = await cloud.request('POST', '/functions/echo', { hello: '世界' });
  expect(status).toBe(200);
  expect(body.event).toEqual({ hello: '世界' });
});

it('an empty body is an empty event', async () => {
  const { status, body } = await cloud.request('POST', '/functions/echo', undefined);
  expect(status).toBe(200);
  expect(body.event).toEqual({});
});

it('unknown function: 404', async () => {
  const { status, body } = await cloud.request('POST', '/functions/nope', {});
  expect(status).toBe(404);
  expect(body).toEqual({
    error: 'FUNCTION_NOT_FOUND',
    message: 'cloud function "nope" does not exist',
  });
  expect((await cloud.request('GET', '/elsewhere')).status).toBe(404);
});

it('a function name that is not valid percent-encoding: 404, not a crash', async () => {
  const { status, body } = await cloud.request('POST', '/functions/%E0%A4%A', {});
  expect(status).toBe(404);
  expect(body).toEqual({
    error: 'FUNCTION_NOT_FOUND',
    message: 'cloud function "%E0%A4%A" does not exist',
  });
  expect((await cloud.request('POST', '/functions/echo', {})).status).toBe(200);
});

it('malformed JSON: 400 with a clear message', async () => {
  const { status, body } = await cloud.request('POST', '/functions/echo', '{"a":');
  expect(status).toBe(400);
  expect(body.error).toBe('INVALID_JSON');
  expect(body.message).toMatch(/malformed JSON/);
});

it('a body that is not an object: 400', async () => {
  const { status, body } = await cloud.request('POST', '/functions/echo', '[1,2]');
  expect(status).toBe(400);
  expect(body.error).toBe('INVALID_EVENT');
});

it('an oversized body: 400 with a clear message', async () => {
  const { status, body } = await cloud.request('POST', '/functions/echo', {
    big: 'x'.repeat(20_000),
  });
  expect(status).toBe(400);
  expect(body).toEqual({ error: 'BODY_TOO_LARGE', message: 'request body over 10000 bytes' });
});

it('a function that throws: 500 with its message, and the cloud keeps serving', async () => {
  const { status, body } = await cloud.request('POST', '/functions/echo', { throw: '库存不足' });
  expect(status).toBe(500);
  expect(body).toEqual({ error: 'FUNCTION_ERROR', message: '库存不足' });
  const stray = await cloud.request('POST', '/functions/echo', { reject: 'nobody awaits this' });
  expect(stray.status).toBe(200);
  expect((await cloud.request('POST', '/functions/echo', { again: true })).status).toBe(200);
});

it('answers CORS preflights for the H5 client', async () => {
  const res = await fetch(cloud.url + '/functions/echo', { method: 'OPTIONS' });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-headers')).toContain('X-WX-OPENID');
  // The request count is readable from another origin (db-requests.test.ts checks its value).
  const call = await cloud.request('POST', '/functions/echo', {});
  expect(call.headers.get('access-control-expose-headers')).toContain('X-Cloud-Db-Requests');
  expect(call.headers.get('x-cloud-db-requests')).toBe('0');
});

it('health lists the functions and their timer triggers', async () => {
  const { body } = await cloud.request('GET', '/_emulator/health');
  expect(body.functions).toEqual(expect.arrayContaining(['echo', 'dbProbe', 'tick']));
  // The shop's own timer is there too; the probe's must be listed with its schedule.
  expect(body.triggers).toContainEqual({
    functionName: 'tick',
    name: 'everyMinute',
    config: '0 * * * * * *',
  });
});
