// The Taro app builds (dist/h5 for the browser, dist/weapp for WeChat), and whether they are
// older than their sources (so start, tests and benchmarks rebuild only when needed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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
