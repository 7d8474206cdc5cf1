/**
 * The check of `shiplog build`, in a worker thread: it loads and validates the content folder
 * and, when nothing is wrong, writes the snapshot the `astro build` process reads
 * (src/model/snapshot.ts), then sends back only the problems and counts. The loaded content
 * (0.7 GiB at 10,000 releases) lives in the thread's own heap and is gone when the thread
 * ends; loaded in the `shiplog build` process, it stayed there through the whole `astro
 * build` and Pagefind run and added to the build's peak memory.
 */
import { askWorker } from '../model/worker.ts';
import type { CheckSummary } from './check.ts';

export interface BuildCheckInput {
  root: string;
  /** Where to write the snapshot when the content has no problem. */
  snapshot: string;
}

/** Runs the check in its thread; rejects when the thread fails (a bug, not a content problem). */
export function checkForBuild(input: BuildCheckInput): Promise<CheckSummary> {
  // The thread inherits this process's Node flags, tsx's loader among them, so it runs TypeScript.
  return askWorker<CheckSummary>(new URL('./build-check-thread.ts', import.meta.url), input, 'the check thread');
}
