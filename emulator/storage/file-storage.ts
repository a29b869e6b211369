// Cloud storage for the local cloud: files on disk under the data directory, named by CloudBase's
// file ids (`cloud://<env>.<bucket>/<path>`), served over the gateway's HTTP. Writes go to a
// temporary file and are renamed into place, so a file is either the old one or the new one,
// also after a crash, and files survive restarts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The Tencent Cloud app id in local buckets' names (any number; production's is the account's). */
const LOCAL_TCB_APPID = '1250000000';

const CONTENT_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(cloudPath: string): string {
  return CONTENT_TYPES[path.extname(cloudPath).toLowerCase()] ?? 'application/octet-stream';
}

/** Why a cloud path cannot name a file, or null. */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || !cloudPath) return 'cloudPath must be a non-empty string';
  if (cloudPath.length > 850) return 'cloudPath is longer than 850 characters';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  if (/[\\\0]/.test(cloudPath)) return 'cloudPath contains a forbidden character';
  const parts = cloudPath.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    return 'cloudPath has an empty, . or .. segment';
  return null;
}

/** The bucket of an environment: CloudBase names it from the env id (and the account's app id). */
export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-${LOCAL_TCB_APPID}`;
}

/** A file's id in CloudBase's form. */
export function fileIdFor(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`;
}

export class FileStorage {
  readonly bucket: string;
  private readonly dir: string;
  private readonly secret = crypto.randomBytes(16);

  constructor(
    dataDir: string,
    readonly envId: string,
    /** Where the gateway listens (known once it has started). */
    private readonly baseUrl: () => string,
  ) {
    this.dir = path.join(dataDir, 'storage');
    fs.mkdirSync(this.dir, { recursive: true });
    this.bucket = bucketOf(envId);
  }

  fileId(cloudPath: string): string {
    return fileIdFor(this.envId, cloudPath);
  }

  /** The cloud path a file id names in this environment's bucket, or null. */
  pathOf(fileId: unknown): string | null {
    if (typeof fileId !== 'string') return null;
    const prefix = `cloud://${this.envId}.${this.bucket}/`;
    if (!fileId.startsWith(prefix)) return null;
    const cloudPath = fileId.slice(prefix.length);
    return cloudPathProblem(cloudPath) ? null : cloudPath;
  }

  /** The URL the gateway serves the file at. */
  url(cloudPath: string): string {
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/');
    return `${this.baseUrl()}/_storage/${this.bucket}/${encoded}`;
  }

  put(cloudPath: string, content: Buffer): string {
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new Error(problem);
    const file = this.fileOf(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
    return this.fileId(cloudPath);
  }

  read(cloudPath: string): { content: Buffer; contentType: string } | null {
    if (cloudPathProblem(cloudPath)) return null;
    const file = this.fileOf(cloudPath);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
    return { content: fs.readFileSync(file), contentType: contentTypeOf(cloudPath) };
  }

  exists(cloudPath: string): boolean {
    return this.read(cloudPath) !== null;
  }

  remove(cloudPath: string): boolean {
    if (!this.exists(cloudPath)) return false;
    fs.rmSync(this.fileOf(cloudPath));
    return true;
  }

  /** The signature an upload of this path must carry (handed out with the upload URL). */
  uploadSignature(cloudPath: string): string {
    return crypto.createHmac('sha256', this.secret).update(cloudPath).digest('hex');
  }

  private fileOf(cloudPath: string): string {
    // Stored under files/ with the path's segments; checked paths cannot leave the directory.
    return path.join(this.dir, 'files', ...cloudPath.split('/'));
  }
}
