/**
 * Work handed to a worker thread or a child process that answers with one message. The
 * verifier and the search index use a thread to keep a second core busy; the check of
 * `shiplog build` uses a process, so that all its memory goes back to the system when it ends.
 * Erasable TypeScript only: the verifier's thread starts inside a plain `astro build` process.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/**
 * Starts `url` as a child Node process (this process's Node flags, stdout and stderr), sends
 * it `data` and resolves with its one message. Rejects when it cannot start or ends without
 * answering. The child answers with `answerParent`.
 */
export function askProcess<T>(url: URL, data: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    let answer: { value: T } | undefined;
    child.once('message', (message) => {
      answer = { value: message as T };
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (answer) resolve(answer.value);
      else reject(new Error(`${what} ended with ${signal ? `signal ${signal}` : `exit code ${code}`} before it answered`));
    });
    child.send(data as never);
  });
}

/**
 * The child's side of askProcess: takes its input, works, sends its one answer and lets go of
 * the channel. A failure (a bug) ends it with status 70 and no answer, which the parent
 * reports as one line, like any internal error: the stack only with SHIPLOG_DEBUG set.
 */
export function answerParent<I, T>(work: (input: I) => Promise<T>): void {
  process.once('message', (input) => {
    work(input as I).then(
      (answer) => process.send!(answer as never, () => process.disconnect()),
      (error: unknown) => {
        if (process.env['SHIPLOG_DEBUG']) console.error(error);
        process.exitCode = 70;
        process.disconnect();
      },
    );
  });
}
