/**
 * Writes a generated content folder, for looking at or for manual runs:
 *   npx tsx test/bench/generate/cli.ts --releases 200 --out /tmp/shiplog-200 [--seed 1]
 * then `SHIPLOG_CONTENT=/tmp/shiplog-200 npm run check`.
 */
import { parseArgs } from 'node:util';
import { generateContent } from './index.ts';

const { values } = parseArgs({
  options: { releases: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
if (!values.out) {
  process.stderr.write('usage: npx tsx test/bench/generate/cli.ts --releases N --out <folder> [--seed S]\n');
  process.exit(2);
}
const summary = await generateContent({ root: values.out, releases: Number(values.releases), seed: values.seed });
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
