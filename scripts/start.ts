// `npm start`: builds what is needed and runs the shop on this machine.
//   1. cloud functions and the emulator (esbuild, a second or so);
//   2. the H5 build of the app (taro, ~30 s), skipped when dist/h5 is newer than its sources;
//   3. the local cloud with the demo data, and the H5 shop on http://127.0.0.1:${WEB_PORT:-8686}/.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildAppFunctions, buildEmulator } from './build-cloud';
import { appIsStale, buildApp } from './build-app';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  await buildAppFunctions();
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
