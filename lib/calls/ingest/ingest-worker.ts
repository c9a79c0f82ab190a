/**
 * The ingest worker thread: runs one job (ingest-job.ts) on its own connection to the server's
 * database file and posts the outcome. Started by ./index.ts; under Next, Turbopack bundles this
 * file as a worker entry (it sees `new Worker(new URL('./ingest-worker.ts', import.meta.url))`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openIngestConnection } from './connection';
import { runIngestJob, type IngestJob } from './ingest-job';
import { serializeError, type WorkerMessage } from './worker-messages';

async function main(): Promise<void> {
  const { dbFile, job } = workerData as { dbFile: string; job: IngestJob };
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  const db = openIngestConnection(dbFile);
  try {
    const outcome = await runIngestJob(db, job, () => post({ type: 'writing' }));
    post({ type: 'done', outcome });
  } catch (error) {
    post({ type: 'failed', error: serializeError(error) });
  } finally {
    db.$client.close();
  }
}

void main();
