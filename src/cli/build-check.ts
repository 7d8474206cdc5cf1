/**
 * The check of `shiplog build`, in a child process: it loads and validates the content folder
 * and, when nothing is wrong, writes the snapshot the `astro build` process reads
 * (src/model/snapshot.ts), then sends back only the problems and counts.
 *
 * Not in this process: the loaded content (0.7 GiB at 10,000 releases) stayed here through
 * the whole `astro build` and Pagefind run and added to the build's peak memory. Not in a
 * worker thread either: its heap went when it ended, but the memory its file reads had taken
 * from the C allocator did not (this process still held 250 MB at 10,000 releases). A process
 * gives everything back when it exits.
 */
import { askProcess } from '../model/worker.ts';
import type { CheckSummary } from './check.ts';

export interface BuildCheckInput {
  root: string;
  /** Where to write the snapshot when the content has no problem. */
  snapshot: string;
}

/** Runs the check in its process; rejects when that fails (a bug, not a content problem). */
export function checkForBuild(input: BuildCheckInput): Promise<CheckSummary> {
  // The child runs on this Node, with its flags: TypeScript is stripped the same way.
  return askProcess<CheckSummary>(new URL('./build-check-process.ts', import.meta.url), input, 'the check process');
}
