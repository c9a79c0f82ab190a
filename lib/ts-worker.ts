import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a TypeScript worker entry outside Next (vitest, tsx scripts), where Node cannot load a
 * .ts file as a worker: tsx compiles it. Under Next the caller must write
 * `new Worker(new URL('./entry.ts', import.meta.url))` itself — Turbopack bundles a worker entry
 * only from that exact expression in the calling module.
 */
export function startTsWorker(fromRoot: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const file = path.join(process.cwd(), fromRoot);
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { ...options, eval: true });
}
