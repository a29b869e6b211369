// Builds everything the tests run before any test starts, so a single test file can be run
// with `npx jest <file>` too: cloud functions, conformance probes and the emulator (esbuild,
// fast), and, when browser or weapp tests are selected, the H5 and weapp builds of the app if
// their sources changed.
import type { Config } from '@jest/types';
import { buildCloud } from '../../scripts/build-cloud';
import { appIsStale, buildApp } from '../../scripts/build-app';

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  await buildCloud();
  const selected = globalConfig.testPathPattern;
  const wants = (layer: string) => !selected || selected.includes(layer);
  if (wants('e2e') && appIsStale('h5')) buildApp('h5');
  if (wants('weapp') && appIsStale('weapp')) buildApp('weapp');
}
