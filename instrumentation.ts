/**
 * Next.js start-up hook: starts the pacer in the Node.js server runtime (never in the edge
 * runtime or during `next build`). register() may run more than once; startPacerOnce is guarded.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startPacerOnce } = await import('./lib/pacer/start');
  await startPacerOnce();
}
