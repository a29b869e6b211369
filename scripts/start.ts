// `npm start`: builds what is needed and runs the shop on this machine.
//   1. cloud functions and the emulator (esbuild, a second or so);
//   2. the H5 build of the app (taro, ~30 s), skipped when dist/h5 is newer than its sources;
//   3. the local cloud with the demo data, and the H5 shop on http://127.0.0.1:${WEB_PORT:-8686}/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildEmulator, buildFunctions } from './build-cloud';

const root = path.resolve(__dirname, '..');

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

type AppTarget = 'h5' | 'weapp';
const BUILT_MARKER: Record<AppTarget, string> = {
  h5: 'dist/h5/index.html',
  weapp: 'dist/weapp/app.js',
};

/** True when the app build for `target` is missing or older than any of its sources. */
export function appIsStale(target: AppTarget): boolean {
  const built = path.join(root, BUILT_MARKER[target]);
  if (!fs.existsSync(built)) return true;
  const sources = ['src', 'domain', 'config', 'babel.config.js', 'package-lock.json'].map((p) =>
    newestMtime(path.join(root, p)),
  );
  return Math.max(...sources) > fs.statSync(built).mtimeMs;
}

export function buildApp(target: AppTarget): void {
  console.log(`building the ${target} app (taro build --type ${target})…`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', target],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  // Taro prints a progress bar; show its output only when the build failed.
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`the ${target} build failed`);
  }
}

async function main(): Promise<void> {
  await buildFunctions(
    path.join(root, 'cloudfunctions'),
    path.join(root, 'dist/cloudfunctions'),
    path.join(root, 'cloudfunctions/lib/collections.ts'),
  );
  await buildEmulator();
  if (process.env.REBUILD === '1' || appIsStale('h5')) buildApp('h5');
  else console.log('H5 build is up to date (REBUILD=1 forces it)');
  const shop = spawn(process.execPath, [path.join(root, 'dist/emulator/shop.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => shop.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  shop.on('exit', (code) => process.exit(code ?? 0));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
