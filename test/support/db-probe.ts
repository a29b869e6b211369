// Helpers to drive the dbProbe function: build SDK call chains in JSON (see its header).
import type { LocalCloud } from '../../emulator/launcher';

export type Call = [string, ...unknown[]];
export interface Step {
  collection?: string;
  calls: Call[];
}
export type StepResult =
  { ok: true; value: any } | { ok: false; error: { errCode: number; errMsg: string } };

/** db.command.<name>(...args), optionally chained: cmd('gt', [1], [['and', cmd('lt', [5])]]). */
export const cmd = (name: string, args: unknown[] = [], chain: unknown[][] = []) => ({
  $cmd: name,
  args,
  chain,
});
export const serverDate = (offset = 0) => ({ $serverDate: { offset } });
export const regexp = (regexp: string, options = '') => ({ $regexp: { regexp, options } });

export async function runSteps(cloud: LocalCloud, steps: Step[]): Promise<StepResult[]> {
  return cloud.call('dbProbe', { steps });
}

/** Runs one chain on a collection and returns its value, failing the test on an SDK error. */
export async function run(
  cloud: LocalCloud,
  collection: string | undefined,
  ...calls: Call[]
): Promise<any> {
  const [result] = await runSteps(cloud, [{ collection, calls }]);
  if (!result.ok) throw new Error(`SDK error: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Runs one chain expected to fail and returns the SDK's error. */
export async function runError(
  cloud: LocalCloud,
  collection: string | undefined,
  ...calls: Call[]
) {
  const [result] = await runSteps(cloud, [{ collection, calls }]);
  if (result.ok) throw new Error(`expected an SDK error, got ${JSON.stringify(result.value)}`);
  return result.error;
}
