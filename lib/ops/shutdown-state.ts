/** Set once SIGTERM/SIGINT starts a graceful shutdown; /api/health answers 503 from then on. */
const holder = globalThis as typeof globalThis & { __callpaceShuttingDown?: boolean };

export function isShuttingDown(): boolean {
  return holder.__callpaceShuttingDown === true;
}

export function markShuttingDown(value = true): void {
  holder.__callpaceShuttingDown = value;
}
