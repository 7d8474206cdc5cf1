/** The worker thread of src/cli/build-check.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSnapshot } from '../model/snapshot.ts';
import type { BuildCheckInput } from './build-check.ts';
import { loadChecked } from './check.ts';

const { root, snapshot } = workerData as BuildCheckInput;
const { result, summary } = await loadChecked(root);
if (summary.problems.length === 0) await writeSnapshot(result.content, snapshot);
parentPort!.postMessage(summary);
