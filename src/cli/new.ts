/**
 * `npm run new -- <kind> [flags]`: a new record from the template of its kind (see
 * src/cli/new/run.ts for the flags, and `npm run new -- --help`). Asks on a terminal; never
 * waits for input without one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasTerminal, noTerminal, terminalAsker } from './new/ask.ts';
import { runNew } from './new/run.ts';

const schemasDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');

try {
  process.exitCode = await runNew({
    argv: process.argv.slice(2),
    ask: hasTerminal() ? terminalAsker() : noTerminal,
    out: process.stdout,
    err: process.stderr,
    schemasDir,
  });
} catch (error) {
  process.stderr.write(`new: internal error: ${error instanceof Error ? error.message : String(error)}\nthis is a bug in Shiplog; set SHIPLOG_DEBUG=1 for details\n`);
  if (process.env['SHIPLOG_DEBUG']) console.error(error);
  process.exitCode = 70;
}
