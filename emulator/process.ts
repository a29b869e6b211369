// Process plumbing shared by the local cloud's entry points.

/** Stops cleanly on Ctrl-C / SIGTERM; a function's stray rejection must not end the process. */
export function runUntilStopped(close: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('unhandledRejection', (reason) =>
    console.error('[cloud] unhandled rejection:', reason),
  );
}
