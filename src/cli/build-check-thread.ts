/** The worker thread of src/cli/build-check.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../model/load.ts';
import { writeSnapshot } from '../model/snapshot.ts';
import type { BuildCheckInput } from './build-check.ts';
import type { CheckSummary } from './check.ts';

const { root, snapshot } = workerData as BuildCheckInput;
const started = performance.now();
const result = await loadContent(root);
const summary: CheckSummary = { problems: result.problems, recordCount: result.recordCount, ms: Math.round(performance.now() - started) };
if (result.problems.length === 0) await writeSnapshot(result.content, snapshot);
parentPort!.postMessage(summary);
