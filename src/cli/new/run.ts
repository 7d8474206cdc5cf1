/**
 * `npm run new -- <kind> [flags]`, start to finish: read the content folder, work out the
 * record (plan.ts), refuse to overwrite anything, write it, validate it together with the
 * folder (src/model/load.ts), and print where it is and what is left to fill in.
 *
 * Exit status: 0 written and valid; 1 refused (the file or the release exists), or written
 * but with problems; 2 a usage problem (unknown kind, bad or missing flag — without a terminal
 * a missing value is never waited for); 130 cancelled at a prompt.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../../model/load.ts';
import { resolveContentRoot } from '../../model/source/files.ts';
import { problemCount, textLine, useColour } from '../output.ts';
import { Cancelled, MissingFlag, type Asker } from './ask.ts';
import { BadFlag, KINDS, planRecord, type Kind } from './plan.ts';
import { today } from './propose.ts';
import { todoLines } from './template.ts';

export const USAGE = `usage: npm run new -- <kind> [flags]

Creates a record from templates/<site.locale>/<kind> in its conventional place, fills in
what the content folder tells, then validates it with the folder.

kinds and their flags:
  release        --service <id> [--version <v>] [--process <id>] [--type standard|temporary]
                 [--title <text>] [--summary <text>]
                 -> releases/<service>/<version>.md
  hotfix         same as release, for a hotfix (patch bump, the hotfix process)
                 -> releases/<service>/<version>.md
  test-report    --release <service@version> --stage <stage> [--round <n>] [--tester <name>]
                 [--environment <id>] [--verdict pass|fail|conditional] [--date <yyyy-mm-dd>]
                 -> test-reports/<service>/<version>-<stage>-r<round>.md
  retrospective  --release <service@version> (repeat for several) [--title <text>]
                 [--slug <name>] [--facilitator <name>] [--date <yyyy-mm-dd>]
                 -> retrospectives/<yyyy>/<slug>.md
  service        --id <id> --name <text> [--team <text>] [--repo <url>] [--description <text>]
                 -> services/<id>.yaml
  process        --id <id> --title <text> [--summary <text>]
                 -> processes/<id>.md

  --content <folder>   the content folder (default ./content, or SHIPLOG_CONTENT)
  -h, --help           this help

On a terminal, missing values are asked for, with proposals. Without one (scripts, CI) a
value with a proposal takes it — the next version (minor bump after the service's last
release, patch for a hotfix), the process for the type, the next test round — and a value
without one is an error naming its flag (exit 2). An existing file is never overwritten (exit 1).
`;

const FLAGS = {
  content: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  service: { type: 'string' },
  version: { type: 'string' },
  process: { type: 'string' },
  type: { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  release: { type: 'string', multiple: true },
  stage: { type: 'string' },
  round: { type: 'string' },
  tester: { type: 'string' },
  environment: { type: 'string' },
  verdict: { type: 'string' },
  date: { type: 'string' },
  slug: { type: 'string' },
  facilitator: { type: 'string' },
  id: { type: 'string' },
  name: { type: 'string' },
  team: { type: 'string' },
  repo: { type: 'string' },
  description: { type: 'string' },
} as const;

/** Flags each kind reads; any other is a usage error, so a typo is never ignored. */
const KIND_FLAGS: Record<Kind, readonly string[]> = {
  release: ['service', 'version', 'process', 'type', 'title', 'summary'],
  hotfix: ['service', 'version', 'process', 'title', 'summary'],
  'test-report': ['release', 'stage', 'round', 'tester', 'environment', 'verdict', 'date', 'title'],
  retrospective: ['release', 'title', 'slug', 'facilitator', 'date'],
  service: ['id', 'name', 'team', 'repo', 'description'],
  process: ['id', 'title', 'summary'],
};

export interface RunOptions {
  argv: string[];
  ask: Asker;
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean });
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The Shiplog repository's schemas/ folder, for the YAML schema comment of new YAML files. */
  schemasDir?: string;
  /** Where the templates are (default: the repository's templates/). */
  templatesDir?: string;
}

export async function runNew(options: RunOptions): Promise<number> {
  const { out, err } = options;
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const usage = (message: string) => {
    err.write(`new: ${message}\n\n${USAGE}`);
    return 2;
  };

  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof FLAGS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: options.argv, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out.write(USAGE);
    return 0;
  }
  const [kindArg, ...extra] = positionals;
  if (!kindArg) return usage('which kind of record? one of ' + KINDS.join(', '));
  if (!(KINDS as readonly string[]).includes(kindArg)) return usage(`unknown kind "${kindArg}": one of ${KINDS.join(', ')}`);
  const kind = kindArg as Kind;
  if (extra.length > 0) return usage(`unexpected argument "${extra[0]}" (values go after their flag, e.g. --service payment-gateway)`);
  const allowed = new Set([...KIND_FLAGS[kind], 'content', 'help']);
  const stray = Object.keys(values).find((name) => !allowed.has(name));
  if (stray) return usage(`--${stray} does not apply to ${kind}`);

  const root = values.content ? path.resolve(cwd, values.content) : resolveContentRoot(env, cwd);
  const before = await loadContent(root);
  if (!before.content.site) {
    err.write(`new: ${path.relative(cwd, root) || '.'} has no usable site.yaml; run npm run check and fix it first\n`);
    return 1;
  }

  let planned;
  try {
    planned = await planRecord(kind, values, {
      content: before.content,
      ask: options.ask,
      today: today(before.content.site.data.timezone, env),
      ...(options.schemasDir ? { schemasDir: options.schemasDir } : {}),
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    });
  } catch (error) {
    if (error instanceof MissingFlag || error instanceof BadFlag) {
      err.write(`new ${kind}: ${error.message}\n(npm run new -- --help lists the flags)\n`);
      return 2;
    }
    if (error instanceof Cancelled) {
      err.write(`new: ${error.message}\n`);
      return 130;
    }
    throw error;
  }

  const shown = (file: string) => path.relative(cwd, path.join(root, file)).split(path.sep).join('/') || file;
  if (planned.duplicate) {
    err.write(`new: refused: release ${planned.duplicate.identity} already exists in ${shown(planned.duplicate.file)} (nothing was written)\n`);
    return 1;
  }
  const target = path.join(root, planned.file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, planned.text, { flag: 'wx' }); // never overwrite, even in a race
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') {
      err.write(`new: refused: ${shown(planned.file)} already exists (nothing was overwritten)\n`);
      return 1;
    }
    throw error;
  }

  out.write(`created ${shown(planned.file)}\n`);
  for (const note of planned.filled) out.write(`  filled in: ${note}\n`);
  const todos = todoLines(planned.text);
  if (todos.length > 0) {
    out.write(`left to fill in (${todos.length}):\n`);
    for (const todo of todos) out.write(`  ${shown(planned.file)}:${todo.line}  ${todo.text}\n`);
  }

  const after = await loadContent(root);
  const own = after.problems.filter((p) => p.file === planned.file);
  const elsewhere = after.problems.length - own.length;
  const colour = useColour(err as NodeJS.WriteStream, env);
  for (const problem of own) err.write(`${textLine(problem, root, colour, cwd)}\n`);
  if (own.length > 0) {
    err.write(`new: ${shown(planned.file)} was written but has ${problemCount(own).replace(/ in 1 file$/, '')}: fix ${own.length === 1 ? 'it' : 'them'}, then run npm run check\n`);
    return 1;
  }
  out.write(`checked with the folder: no problems in the new file${elsewhere > 0 ? ` (${elsewhere} elsewhere in the folder: run npm run check)` : ''}\n`);
  return 0;
}
