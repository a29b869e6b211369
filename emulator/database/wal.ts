// Durable storage for one database: a snapshot file plus an append-only write-ahead log.
//
// Every acknowledged write request is one line appended to wal.jsonl with a synchronous
// write before the request is answered, so it survives the process being killed (the data is
// in the OS page cache); set CLOUD_FSYNC=1 to also fdatasync each line (survives power loss).
// A line is applied whole or not at all: a torn last line (the process died mid-write, so the
// request was never acknowledged) is cut off on load. Compaction writes a new snapshot to a
// temporary file, fsyncs and renames it over the old one; log lines the snapshot already holds
// are recognised by their sequence number and skipped, so a crash at any point is safe.
import fs from 'node:fs';
import path from 'node:path';
import { EJSON } from 'bson';
import { toNative, type Doc } from './values';

export type LogOp =
  { c: string; create: true } | { c: string; put: Doc[] } | { c: string; del: string[] };

export interface LogRecord {
  s: number;
  ops: LogOp[];
}

export interface LoadedState {
  seq: number;
  collections: Map<string, Doc[]>;
  /** Records after the snapshot, in order. */
  records: LogRecord[];
}

const SNAPSHOT = 'snapshot.jsonl';
const LOG = 'wal.jsonl';

export class WriteAheadLog {
  private fd: number | null = null;
  private logBytes = 0;
  private readonly fsync = process.env.CLOUD_FSYNC === '1';

  constructor(private readonly dir: string) {}

  /** Reads the snapshot and the log, repairing a torn tail, and opens the log for appending. */
  load(): LoadedState {
    fs.mkdirSync(this.dir, { recursive: true });
    const state: LoadedState = { seq: 0, collections: new Map(), records: [] };
    this.readSnapshot(state);
    this.readLog(state);
    this.fd = fs.openSync(path.join(this.dir, LOG), 'a');
    return state;
  }

  get sizeBytes(): number {
    return this.logBytes;
  }

  append(record: LogRecord): void {
    if (this.fd === null) throw new Error('write-ahead log is not open');
    const buf = Buffer.from(EJSON.stringify(record as any, { relaxed: true }) + '\n');
    try {
      let written = 0;
      while (written < buf.length) written += fs.writeSync(this.fd, buf, written);
      if (this.fsync) fs.fdatasyncSync(this.fd);
    } catch (e) {
      // A part-written line would be glued to the next one: cut the log back to its last good end.
      fs.ftruncateSync(this.fd, this.logBytes);
      throw e;
    }
    this.logBytes += buf.length;
  }

  /** Replaces snapshot + log with a snapshot of the given state. */
  compact(seq: number, collections: Iterable<[string, Iterable<Doc>]>): void {
    const tmp = path.join(this.dir, SNAPSHOT + '.tmp');
    const fd = fs.openSync(tmp, 'w');
    const write = (obj: unknown) => {
      const buf = Buffer.from(EJSON.stringify(obj as any, { relaxed: true }) + '\n');
      let written = 0;
      while (written < buf.length) written += fs.writeSync(fd, buf, written);
    };
    write({ snapshot: 1, s: seq });
    for (const [name, docs] of collections) {
      write({ c: name });
      for (const doc of docs) write({ c: name, d: doc });
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    this.syncDir();
    // Everything in the log is now in the snapshot (and would be skipped by sequence number).
    if (this.fd !== null) fs.closeSync(this.fd);
    fs.writeFileSync(path.join(this.dir, LOG), '');
    this.fd = fs.openSync(path.join(this.dir, LOG), 'a');
    this.logBytes = 0;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private readSnapshot(state: LoadedState): void {
    const file = path.join(this.dir, SNAPSHOT);
    if (!fs.existsSync(file)) return;
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const header = lines[0] ? parseLine(lines[0]) : null;
    if (!header || header.snapshot !== 1) {
      throw new Error(`corrupt snapshot ${file}: bad header`);
    }
    state.seq = header.s;
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const entry = parseLine(lines[i]);
      // A snapshot is written to a temp file and renamed only when complete: a bad line is corruption.
      if (!entry) throw new Error(`corrupt snapshot ${file}: line ${i + 1}`);
      let docs = state.collections.get(entry.c);
      if (!docs) state.collections.set(entry.c, (docs = []));
      if (entry.d) docs.push(entry.d);
    }
  }

  private readLog(state: LoadedState): void {
    const file = path.join(this.dir, LOG);
    if (!fs.existsSync(file)) return;
    const bytes = fs.readFileSync(file);
    let offset = 0;
    while (offset < bytes.length) {
      const end = bytes.indexOf(0x0a, offset);
      if (end === -1) break; // torn tail: no newline, so never acknowledged
      const record = parseLine(bytes.toString('utf8', offset, end)) as LogRecord | null;
      if (!record || typeof record.s !== 'number' || !Array.isArray(record.ops)) {
        // Only the last line can be unfinished; a bad line with complete lines after it is damage.
        if (bytes.indexOf(0x0a, end + 1) !== -1)
          throw new Error(`corrupt log ${file} at byte ${offset}`);
        break;
      }
      if (record.s > state.seq) state.records.push(record);
      offset = end + 1;
    }
    if (offset < bytes.length) {
      console.warn(
        `[cloud] ${file}: dropping ${bytes.length - offset} bytes of an unfinished write`,
      );
      fs.truncateSync(file, offset);
    }
    this.logBytes = offset;
    if (state.records.length) state.seq = state.records[state.records.length - 1].s;
  }

  private syncDir(): void {
    try {
      const dfd = fs.openSync(this.dir, 'r');
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    } catch {
      // Some file systems do not allow fsync on directories; the rename is still atomic.
    }
  }
}

function parseLine(line: string): any | null {
  try {
    return toNative(EJSON.parse(line, { relaxed: true }));
  } catch {
    return null;
  }
}
