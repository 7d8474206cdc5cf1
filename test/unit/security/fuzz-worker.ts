/**
 * Child process of fuzz.test.ts: runs loadContent on a folder for each message and answers
 * with the problems, the time taken, or the error it threw. The test kills this process when
 * a case runs past its timeout, which an in-process timer cannot do for a synchronous loop
 * (a regex backtracking forever, a quadratic parse).
 */
import { loadContent } from '../../../src/model/load.ts';

export interface FuzzRequest {
  id: number;
  root: string;
}

export type FuzzReply =
  | { id: number; ok: true; ms: number; problems: { file: string; line: number; column: number; message: string }[] }
  | { id: number; ok: false; ms: number; error: string };

process.on('message', (message: FuzzRequest) => {
  const started = performance.now();
  loadContent(message.root).then(
    ({ problems }) => {
      const reply: FuzzReply = {
        id: message.id,
        ok: true,
        ms: performance.now() - started,
        problems: problems.map(({ file, line, column, message: text }) => ({ file, line, column, message: text })),
      };
      process.send?.(reply);
    },
    (error: unknown) => {
      const reply: FuzzReply = { id: message.id, ok: false, ms: performance.now() - started, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      process.send?.(reply);
    },
  );
});
process.send?.({ ready: true });
