// Builds the cloud functions, the conformance probes and the emulator once before any test,
// so a single test file can be run with `npx jest <file>` too.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-cloud.ts'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
