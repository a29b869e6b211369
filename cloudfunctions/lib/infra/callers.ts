// Who invoked a function, for the functions that WeChat itself must call: the pay callback and
// the timer. getWXContext().SOURCE lists the chain of callers (e.g. "wx_client,scf" for a
// function a mini-program called), so a call that started in a client is refused wherever it
// passed through.
import { cloud } from './cloud';

const CLIENT_SOURCES = ['wx_client', 'wx_devtools', 'wx_http', 'wx_unknown'];

/** The call started in a mini-program, DevTools or the HTTP access service. */
export function startedByClient(): boolean {
  const { SOURCE } = cloud.getWXContext();
  return String(SOURCE ?? '')
    .split(',')
    .some((s) => CLIENT_SOURCES.includes(s.trim()));
}

/** A timer trigger: no user, no client in the chain, and the trigger's event. */
export function isTimerTrigger(event: unknown): boolean {
  const { OPENID } = cloud.getWXContext();
  return (
    !OPENID &&
    !startedByClient() &&
    !!event &&
    typeof event === 'object' &&
    (event as { Type?: unknown }).Type === 'Timer'
  );
}
