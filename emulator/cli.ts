// `npm run cloud`: starts the local cloud alone and prints where it listens.
//
// Environment: CLOUD_PORT (default 8787), CLOUD_DATA_DIR (default .data), CLOUD_FUNCTION_DIRS
// (colon-separated; default dist/cloudfunctions), CLOUD_APPID, CLOUD_ENV_ID,
// CLOUD_PAY_RETRY_MS (first pay-notice retry delay, default 1000), CLOUD_QR_BASE_URL,
// CLOUD_MAX_BODY_BYTES (default 6 MiB), CLOUD_FSYNC=1 (fdatasync every write),
// CLOUD_SEED=demo (load the demo shop into empty collections).
import path from 'node:path';
import { Cloud } from './cloud';
import { SEED } from './seed/catalog';

type Seed = Record<string, { _id: string }[]>;

export const DEFAULT_CLOUD_PORT = 8787;

async function main(): Promise<void> {
  const root = process.cwd();
  const cloud = new Cloud({
    dataDir: path.resolve(root, process.env.CLOUD_DATA_DIR || '.data'),
    functionDirs: (process.env.CLOUD_FUNCTION_DIRS || 'dist/cloudfunctions')
      .split(':')
      .map((d) => path.resolve(root, d)),
    port:
      process.env.CLOUD_PORT === undefined ? DEFAULT_CLOUD_PORT : Number(process.env.CLOUD_PORT),
    appid: process.env.CLOUD_APPID,
    envId: process.env.CLOUD_ENV_ID,
    payRetryBaseMs: process.env.CLOUD_PAY_RETRY_MS
      ? Number(process.env.CLOUD_PAY_RETRY_MS)
      : undefined,
    qrBaseUrl: process.env.CLOUD_QR_BASE_URL,
    maxBodyBytes: process.env.CLOUD_MAX_BODY_BYTES
      ? Number(process.env.CLOUD_MAX_BODY_BYTES)
      : undefined,
    seed: process.env.CLOUD_SEED === 'demo' ? (SEED as unknown as Seed) : undefined,
  });
  const url = await cloud.start();
  // Tests and scripts read this line to find the port.
  console.log(
    `Local cloud listening on ${url} (functions: ${cloud.functions.names().join(', ') || 'none'})`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A function's stray rejection must not take the whole cloud down.
  process.on('unhandledRejection', (reason) =>
    console.error('[cloud] unhandled rejection:', reason),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
