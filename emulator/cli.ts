// `npm run cloud`: starts the local cloud alone and prints where it listens.
//
// Environment: CLOUD_PORT (default 8787), CLOUD_DATA_DIR (default .data), CLOUD_FUNCTION_DIRS
// (colon-separated; default dist/cloudfunctions), CLOUD_APPID, CLOUD_ENV_ID,
// CLOUD_PAY_RETRY_MS (first pay-notice retry delay, default 1000), CLOUD_QR_BASE_URL,
// CLOUD_MAX_BODY_BYTES (default 6 MiB), CLOUD_FSYNC=1 (fdatasync every write),
// CLOUD_SEED=demo (load the demo shop into empty collections), CLOUD_DB_LATENCY_MS (each
// database request waits this long, default 0).
import { Cloud } from './cloud';
import { cloudOptionsFromEnv } from './config';
import { runUntilStopped } from './process';

async function main(): Promise<void> {
  const cloud = new Cloud(cloudOptionsFromEnv(process.cwd()));
  const url = await cloud.start();
  // Tests and scripts read this line to find the port.
  console.log(
    `Local cloud listening on ${url} (functions: ${cloud.functions.names().join(', ') || 'none'})`,
  );
  runUntilStopped(() => cloud.close());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
