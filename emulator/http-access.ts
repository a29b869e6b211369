// CloudBase's HTTP access service (HTTP 访问服务) on the local cloud: a request to
// `/http/<path>` goes to the function whose config.json `httpAccess.path` is a prefix of <path>,
// as an API-gateway-shaped event (path, httpMethod, headers, queryStringParameters, body,
// isBase64Encoded), with no WeChat identity (SOURCE wx_http), as in production. The function's
// answer is sent back: an integrated response {statusCode, headers, body, isBase64Encoded}, or
// any other value as JSON.
import type http from 'node:http';
import crypto from 'node:crypto';
import type { Cloud } from './cloud';

export async function handleHttpAccess(
  cloud: Cloud,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  maxBodyBytes: number,
): Promise<boolean> {
  if (!url.pathname.startsWith('/http/')) return false;
  const urlPath = url.pathname.slice('/http'.length);
  const route = cloud.functions.httpRoute(urlPath);
  if (!route) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('no function here');
    return true;
  }
  const body = await readText(req, maxBodyBytes);
  if (body === null) {
    res.writeHead(413).end();
    return true;
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers[key.toLowerCase()] = value;
  const event = {
    path: urlPath.slice(route.base.length) || '/',
    httpMethod: req.method ?? 'GET',
    headers,
    queryStringParameters: Object.fromEntries(url.searchParams),
    body,
    isBase64Encoded: false,
    requestContext: { envId: cloud.options.envId ?? 'local', requestId: crypto.randomUUID() },
  };
  let reply: any;
  try {
    reply = await cloud.functions.invoke(route.name, event, { source: 'wx_http' });
  } catch (e) {
    res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'FUNCTION_ERROR', message: (e as Error).message }));
    return true;
  }
  if (reply && typeof reply === 'object' && typeof reply.statusCode === 'number') {
    const content = reply.isBase64Encoded
      ? Buffer.from(String(reply.body ?? ''), 'base64')
      : String(reply.body ?? '');
    res.writeHead(reply.statusCode, reply.headers ?? {});
    res.end(content);
  } else {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply ?? null));
  }
  return true;
}

function readText(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
