// Identity probe: returns cloud.getWXContext() after an optional delay (so concurrent calls
// interleave), and can ask another function who it thinks the caller is.
import { cloud } from '../../../cloudfunctions/lib/infra/cloud';

export async function main(event: { delayMs?: number; callFunction?: string }) {
  const before = cloud.getWXContext();
  if (event.delayMs) await new Promise((resolve) => setTimeout(resolve, event.delayMs));
  const after = cloud.getWXContext();
  const callee = event.callFunction
    ? await cloud.callFunction({ name: event.callFunction, data: {} })
    : undefined;
  return { before, after, callee };
}
