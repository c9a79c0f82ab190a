/**
 * Next.js start-up hook, in the Node.js server runtime only (never the edge runtime or `next
 * build`): starts the pacer thread and installs the graceful shutdown that drains it on
 * SIGTERM/SIGINT. register() may run more than once; both are guarded. A misconfigured pacer
 * stops the server with the reason, rather than serving without dialing.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startPacerOnce } = await import('./lib/pacer/pacer-thread');
  const { installGracefulShutdown } = await import('./lib/ops/shutdown');
  try {
    const pacer = await startPacerOnce();
    installGracefulShutdown({ pacer });
  } catch (err) {
    const { logger } = await import('./lib/log');
    logger.fatal({ err }, 'pacer failed to start');
    process.exit(1);
  }
}
