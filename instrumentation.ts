/**
 * Next.js start-up hook, in the Node.js server runtime only (never the edge runtime or `next
 * build`): starts the pacer and installs the graceful shutdown that drains it on SIGTERM/SIGINT.
 * register() may run more than once; both are guarded. A misconfigured pacer stops the server
 * with the reason, rather than serving without dialing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { PACER_TASK, startPacerOnce } = await import('./lib/pacer/start');
  const { installGracefulShutdown } = await import('./lib/ops/shutdown');
  try {
    const pacer = await startPacerOnce();
    installGracefulShutdown({ pacer, tickTaskName: PACER_TASK });
  } catch (err) {
    const { logger } = await import('./lib/log');
    logger.fatal({ err }, 'pacer failed to start');
    process.exit(1);
  }
}
