/** The child process of src/cli/build-check.ts. */
import { writeSnapshot } from '../model/snapshot.ts';
import { answerParent } from '../model/worker.ts';
import type { BuildCheckInput } from './build-check.ts';
import { loadChecked } from './check.ts';

answerParent(async ({ root, snapshot }: BuildCheckInput) => {
  const { result, summary } = await loadChecked(root);
  if (summary.problems.length === 0) await writeSnapshot(result.content, snapshot);
  return summary;
});
