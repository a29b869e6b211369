// Cloud storage over the gateway's HTTP:
//   GET|HEAD /_storage/<bucket>/<path>   a stored file (what a tempFileURL points at)
//   PUT /_storage/<bucket>/<path>        the SDK's upload of the bytes, with the signature it was
//                                        handed (answers like COS: empty body, or an XML error)
//   POST /_emulator/storage/upload?cloudPath=<path>   raw bytes from the browser build, answered
//                                        like wx.cloud.uploadFile
//   POST /_emulator/storage/temp-urls    {fileList} from the browser build, answered like
//                                        wx.cloud.getTempFileURL
import crypto from 'node:crypto';
import type http from 'node:http';
import { cloudPathProblem, type FileStorage } from './file-storage';

const MISSING_STATUS = -503003;

/** Handles a storage request; false when the request is not one. */
export async function handleStorageHttp(
  storage: FileStorage,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  maxBodyBytes: number,
): Promise<boolean> {
  const prefix = `/_storage/${storage.bucket}/`;
  if (url.pathname.startsWith(prefix)) {
    const cloudPath = decodedPath(url.pathname.slice(prefix.length));
    if (req.method === 'GET' || req.method === 'HEAD') serveFile(storage, cloudPath, req, res);
    else if (req.method === 'PUT') await receiveUpload(storage, cloudPath, req, res, maxBodyBytes);
    else res.writeHead(405).end();
    return true;
  }
  if (req.method === 'POST' && url.pathname === '/_emulator/storage/upload') {
    const cloudPath = url.searchParams.get('cloudPath') ?? '';
    const problem = cloudPathProblem(cloudPath);
    if (problem) return json(res, 400, { errCode: -501007, errMsg: `uploadFile:fail ${problem}` });
    const body = await readBody(req, maxBodyBytes);
    if (!body)
      return json(res, 400, { errCode: -501007, errMsg: 'uploadFile:fail body too large' });
    return json(res, 200, {
      fileID: storage.put(cloudPath, body),
      statusCode: 200,
      errMsg: 'uploadFile:ok',
    });
  }
  if (req.method === 'POST' && url.pathname === '/_emulator/storage/temp-urls') {
    const body = await readBody(req, maxBodyBytes);
    let fileList: unknown;
    try {
      fileList = JSON.parse(body?.toString('utf8') ?? '').fileList;
    } catch {
      fileList = undefined;
    }
    if (!Array.isArray(fileList) || fileList.length > 50)
      return json(res, 400, { errCode: -501007, errMsg: 'getTempFileURL:fail fileList' });
    return json(res, 200, {
      fileList: fileList.map((fileID) => {
        const cloudPath = storage.pathOf(fileID);
        return cloudPath !== null && storage.exists(cloudPath)
          ? { fileID, tempFileURL: storage.url(cloudPath), maxAge: 86_400, status: 0, errMsg: 'ok' }
          : {
              fileID,
              tempFileURL: '',
              maxAge: 86_400,
              status: MISSING_STATUS,
              errMsg: 'storage file not exists',
            };
      }),
      errMsg: 'getTempFileURL:ok',
    });
  }
  return false;
}

function decodedPath(encoded: string): string {
  try {
    return encoded.split('/').map(decodeURIComponent).join('/');
  } catch {
    return '';
  }
}

function serveFile(
  storage: FileStorage,
  cloudPath: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  const file = storage.read(cloudPath);
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Length': file.content.length,
    'Cache-Control': 'public, max-age=3600',
  });
  res.end(req.method === 'HEAD' ? undefined : file.content);
}

async function receiveUpload(
  storage: FileStorage,
  cloudPath: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  maxBodyBytes: number,
): Promise<void> {
  const body = await readBody(req, maxBodyBytes);
  const signed = req.headers.authorization === storage.uploadSignature(cloudPath);
  if (cloudPathProblem(cloudPath) || !signed)
    return cosError(res, 403, 'SignatureDoesNotMatch', 'The upload signature does not match');
  if (!body) return cosError(res, 400, 'EntityTooLarge', 'The upload is too large');
  storage.put(cloudPath, body);
  res.writeHead(200, { 'Content-Length': 0 }).end();
}

/** An error as COS (the storage behind CloudBase) writes it, which the SDK parses. */
function cosError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const id = crypto.randomUUID();
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${code}</Code>` +
    `<Message>${message}</Message><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml' }).end(xml);
}

function json(res: http.ServerResponse, status: number, value: unknown): true {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
  return true;
}

/** The request body, or null when it is larger than the limit. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
