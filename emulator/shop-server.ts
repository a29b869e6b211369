// The shop in a browser: serves the H5 build (dist/h5) and mounts the local cloud's gateway on the
// same origin (/functions/*, /_emulator/*, and cloud storage's /_storage/*), so the H5 client
// calls the cloud without cross-origin requests.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Cloud } from './cloud';
import { gatewayHandler } from './gateway';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export async function startShopServer(
  cloud: Cloud,
  webRoot: string,
  port: number,
): Promise<{ url: string; server: http.Server }> {
  const gateway = gatewayHandler(cloud);
  const root = path.resolve(webRoot);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cloudPath = ['/functions/', '/_emulator/', '/_storage/', '/http/'];
    if (cloudPath.some((prefix) => url.pathname.startsWith(prefix))) {
      void gateway(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = staticFile(root, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound(res);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}`, server };
}

/**
 * The file a path names inside the web root, or null: outside the root, or not valid
 * percent-encoding (decoding would throw here, outside any try, and end the process).
 */
function staticFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + decoded);
  return file.startsWith(root + path.sep) ? file : null;
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
}
