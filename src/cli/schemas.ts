/**
 * `npm run schemas`: writes `schemas/*.schema.json` (JSON Schemas of every record kind,
 * generated from src/schema) for editor completion and validation. Run it after changing a
 * schema; a unit test fails while the committed files are out of date.
 * `--check` only compares, and exits 1 when a file differs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from './schemas/generate.ts';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');

async function main(args: string[]): Promise<number> {
  const checkOnly = args.includes('--check');
  let stale = 0;
  if (!checkOnly) await mkdir(OUT, { recursive: true });
  for (const [name, text] of jsonSchemaFiles()) {
    const file = path.join(OUT, name);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === text) continue;
    stale += 1;
    if (checkOnly) process.stdout.write(`schemas/${name} is out of date\n`);
    else {
      await writeFile(file, text);
      process.stdout.write(`wrote schemas/${name}\n`);
    }
  }
  if (stale === 0) process.stdout.write('schemas/ is up to date\n');
  else if (checkOnly) process.stdout.write('run npm run schemas to update them\n');
  return checkOnly && stale > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
