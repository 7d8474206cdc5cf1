/**
 * The Shiplog command line: `check` validates the content folder (fast, no site build,
 * what CI runs), `build` checks then builds the portal into dist/.
 * Content problems are printed as `path:line:col  field  message (hint)`, never as stack traces.
 */
import { parseArgs } from 'node:util';
import { resolveContentRoot } from '../model/source/files.ts';
import { runBuild } from './build.ts';
import { runCheck } from './check.ts';
import { CHECK_FORMATS, type CheckFormat } from './output.ts';

const USAGE = `usage: shiplog <command> [--content <folder>] [--format text|json|github]

commands:
  check    validate every record of the content folder; exit 1 on any problem
  build    check, then build the portal into dist/ (with the search index)

The content folder is ./content, or SHIPLOG_CONTENT, or --content.
check --format: text (default) for people; json for tools
  ({ ok, records, problems: [{ file, line, column, field, message, hint? }] }, file relative
  to the content folder); github for GitHub Actions annotations on the pull request.
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { content: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const root = values.content ? resolveContentRoot({ SHIPLOG_CONTENT: values.content }) : resolveContentRoot();
  const format = values.format ?? 'text';
  if (!isCheckFormat(format) || (values.format !== undefined && command !== 'check')) {
    process.stderr.write(`--format must be one of ${CHECK_FORMATS.join(', ')}, with the check command\n${USAGE}`);
    return 2;
  }
  switch (command) {
    case 'check':
      return (await runCheck(root, process.stdout, process.stderr, format)).ok ? 0 : 1;
    case 'build':
      return runBuild(root);
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

function isCheckFormat(value: string): value is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(value);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only a bug in Shiplog lands here: content problems are reported above, not thrown.
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof TypeError && /option|argument/i.test(message)) {
      process.stderr.write(`${message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`shiplog: internal error: ${message}\nthis is a bug in Shiplog; set SHIPLOG_DEBUG=1 for details\n`);
    if (process.env['SHIPLOG_DEBUG']) console.error(error);
    process.exitCode = 70;
  },
);
