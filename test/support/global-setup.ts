// Builds everything the tests run before any test starts, so a single test file can be run
// with `npx jest <file>` too: cloud functions, conformance probes and the emulator (esbuild,
// fast), and, when browser or weapp tests are selected, the H5 and weapp builds of the app if
// their sources changed.
import path from 'node:path';
import type { Config } from '@jest/types';
import { buildEmulator, buildFunctions } from '../../scripts/build-cloud';
import { appIsStale, buildApp } from '../../scripts/start';

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  await buildFunctions(
    path.join(root, 'cloudfunctions'),
    path.join(root, 'dist/cloudfunctions'),
    path.join(root, 'cloudfunctions/lib/collections.ts'),
  );
  await buildFunctions(
    path.join(root, 'test/cloudfunctions'),
    path.join(root, 'dist/test-cloudfunctions'),
    path.join(root, 'test/cloudfunctions/collections.ts'),
  );
  await buildEmulator();
  const selected = globalConfig.testPathPattern;
  const wants = (layer: string) => !selected || selected.includes(layer);
  if (wants('e2e') && appIsStale('h5')) buildApp('h5');
  if (wants('weapp') && appIsStale('weapp')) buildApp('weapp');
}
