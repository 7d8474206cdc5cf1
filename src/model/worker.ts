/**
 * Work handed to a worker thread or a child process that answers with one message. The
 * verifier and the search index use a thread to keep a second core busy; the check of
 * `shiplog build` uses a process, so that all its memory goes back to the system when it ends.
 * Erasable TypeScript only: the verifier's thread starts inside a plain `astro build` process.
 */
import { fork } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the thread at `url` with `data` and resolves with its one message. Rejects when it
 * throws or ends without answering: `what` names it in that error.
 */
export async function askWorker<T>(url: URL, data: unknown, what: string): Promise<T> {
  return oneAnswer<T>(new Worker(url, { workerData: data }), what);
}

/**
 * Starts `url` as a child Node process (this process's Node flags, stdout and stderr), sends
 * it `data` and resolves with its one message. Rejects when it cannot start or ends without
 * answering. The child answers with `answerParent`.
 */
export async function askProcess<T>(url: URL, data: unknown, what: string): Promise<T> {
  const child = fork(fileURLToPath(url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  const answer = oneAnswer<T>(child, what);
  child.send(data as never);
  return answer;
}

/** A thread's or a process's first message, given once it has exited; or why it gave none. */
function oneAnswer<T>(runner: EventEmitter, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let answer: { value: T } | undefined;
    runner.once('message', (message: T) => {
      answer = { value: message };
    });
    runner.once('error', reject);
    runner.once('exit', (code: number | null, signal?: NodeJS.Signals | null) => {
      if (answer) resolve(answer.value);
      else reject(new Error(`${what} ended with ${signal ? `signal ${signal}` : `exit code ${code}`} before it answered`));
    });
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
