/**
 * Work handed to a worker thread that answers with one message. The check of `shiplog build`,
 * the verifier and the search index each use one to keep a heap apart or a second core busy.
 * Erasable TypeScript only: the verifier's thread starts inside a plain `astro build` process.
 */
import { Worker } from 'node:worker_threads';

/**
 * Starts the thread at `url` with `data` and resolves with its one message. Rejects when it
 * throws or ends without answering: `what` names it in that error.
 */
export function askWorker<T>(url: URL, data: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: data });
    let answer: { value: T } | undefined;
    worker.once('message', (message: T) => {
      answer = { value: message };
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (answer) resolve(answer.value);
      else reject(new Error(`${what} ended with exit code ${code} before it answered`));
    });
  });
}
