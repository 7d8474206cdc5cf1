/**
 * `npm run gate -- <service>@<version> [--stage <id>] [--json] [--content <dir>]`: may this
 * release enter a stage of its process? It may when every required checklist item of every
 * stage before it holds (spec: "Rules across records" → Gate). The default stage is the one
 * that claims `deploying`: "may it go live?". Meant for a deploy pipeline's first step.
 *
 * Exit status:
 *   0  the release may enter the stage
 *   1  it may not (each blocking item is listed with its reason), or the content folder has
 *      problems (printed as `npm run check` prints them)
 *   2  usage error, unknown release or unknown stage (with a did-you-mean)
 *
 * With --json, stdout holds one object (errors still go to stderr as text):
 *   {
 *     "release": "payment-gateway@2.5.0",
 *     "status": "ready",                      // the release's status
 *     "stage": "go-live",                     // the stage asked about
 *     "allowed": false,
 *     "blocking": [Item],                     // required items before the stage that do not hold
 *     "waived": [Item],                       // waived items before the stage (they let it through)
 *     "stages": [{ "id", "title", "position", "holds", "items": [Item] }]   // the whole process
 *   }
 *   Item = { "stage", "item", "text", "owner", "required", "rule", "state", "reason", "by", "note" }
 *   - owner, rule, by, note are null when absent; reason is an English sentence;
 *   - state: done | n/a | waived | pending | passing | failing;
 *   - position: passed | current | not-reached | follow-up (where the release stands now).
 */
import { parseArgs } from 'node:util';
import type { Content, ReleaseRecord } from '../model/content.ts';
import { blockersBefore, evaluateRelease, goLiveStageId } from '../model/gate/evaluate.ts';
import type { ItemEvaluation, ReleaseGate, StageEvaluation } from '../model/gate/types.ts';
import { loadContent } from '../model/load.ts';
import { resolveContentRoot } from '../model/source/files.ts';
import { didYouMean } from '../model/suggest.ts';
import { paint, printable, useColour } from './output.ts';
import { lookupRelease } from './release-arg.ts';

const USAGE = `usage: npm run gate -- <service>@<version> [--stage <id>] [--json] [--content <folder>]

Says whether a release may enter a stage of its process: every required checklist item of
the stages before it must hold. The default stage is the one that claims "deploying".

exit status: 0 may enter, 1 blocked (or content problems), 2 usage error or unknown release/stage
`;

/** A usage or lookup error: printed as one line plus a hint (and the usage for bad arguments), exit 2. */
class UsageError extends Error {
  readonly hint: string | undefined;
  readonly showUsage: boolean;
  constructor(message: string, hint?: string, showUsage = false) {
    super(message);
    this.hint = hint;
    this.showUsage = showUsage;
  }
}

interface Args {
  ref: string;
  stage: string | undefined;
  json: boolean;
  root: string;
}

function readArgs(argv: string[]): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        stage: { type: 'string' },
        json: { type: 'boolean', default: false },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), undefined, true);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'no release given' : `one release at a time, got ${positionals.join(' ')}`, undefined, true);
  }
  const root = values.content ? resolveContentRoot({ SHIPLOG_CONTENT: values.content }) : resolveContentRoot();
  return { ref: positionals[0]!, stage: values.stage, json: values.json, root };
}

function findRelease(content: Content, ref: string): ReleaseRecord {
  const found = lookupRelease(content, ref);
  if ('release' in found) return found.release;
  throw new UsageError(found.message, found.hint);
}

function findStage(gate: ReleaseGate, content: Content, asked: string | undefined): StageEvaluation {
  const id = asked ?? goLiveStageId(gate, content);
  const stage = gate.stages.find((s) => s.stageId === id);
  if (stage) return stage;
  const ids = gate.stages.map((s) => s.stageId);
  if (asked === undefined) throw new UsageError(`process ${gate.processId} has no stage that claims deploying`, 'pass --stage <id>');
  throw new UsageError(`process ${gate.processId} has no stage "${asked}"`, didYouMean(asked, ids) ?? `stages: ${ids.join(', ')}`);
}

const itemJson = (item: ItemEvaluation) => ({
  stage: item.stageId,
  item: item.itemId,
  text: item.text,
  owner: item.owner ?? null,
  required: item.required,
  rule: item.rule ?? null,
  state: item.state,
  reason: item.reason.en,
  by: item.by ?? null,
  note: item.note ?? null,
});

function report(release: ReleaseRecord, gate: ReleaseGate, stage: StageEvaluation, json: boolean): number {
  const blocking = blockersBefore(gate, stage.stageId);
  const before = gate.stages.slice(0, gate.stages.indexOf(stage)).flatMap((s) => s.items);
  const waived = before.filter((item) => item.state === 'waived');
  const allowed = blocking.length === 0;
  if (json) {
    const out = {
      release: release.ref,
      status: release.data.status,
      stage: stage.stageId,
      allowed,
      blocking: blocking.map(itemJson),
      waived: waived.map(itemJson),
      stages: gate.stages.map((s) => ({ id: s.stageId, title: s.title, position: s.position, holds: s.holds, items: s.items.map(itemJson) })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return allowed ? 0 : 1;
  }

  const colour = useColour(process.stdout);
  const titles = new Map(gate.stages.map((s) => [s.stageId, `${s.title} (${s.stageId})`]));
  const target = titles.get(stage.stageId) ?? stage.stageId;
  const lines: string[] = [];
  if (allowed) {
    const holding = before.filter((item) => item.holds).length;
    lines.push(`${paint('green', 'may enter', colour)} ${target}: ${release.ref} (${release.data.status}), ${holding} of ${before.length} items before it hold`);
  } else {
    lines.push(`${paint('red', 'may not enter', colour)} ${target}: ${release.ref} (${release.data.status}), ${blocking.length} blocking item${blocking.length === 1 ? '' : 's'}`);
    for (const item of blocking) {
      const owner = item.owner ? ` [${item.owner}]` : '';
      lines.push(`  ✗ ${titles.get(item.stageId)} · ${item.itemId}${owner}: ${item.text}`);
      lines.push(`      ${item.state}: ${item.reason.en}`);
    }
  }
  for (const item of waived) lines.push(`  ${paint('yellow', 'waived', colour)} ${titles.get(item.stageId)} · ${item.itemId}: ${item.reason.en}`);
  if (release.data.status === 'cancelled') lines.push('  note: the release is cancelled; a cancelled release is not gated at build');
  process.stdout.write(`${lines.join('\n')}\n`);
  return allowed ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (args === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { content, problems } = await loadContent(args.root);
  if (problems.length > 0) {
    const colour = useColour(process.stderr);
    for (const problem of problems) {
      const [location = '', ...rest] = printable(problem, args.root).split('  ');
      process.stderr.write(`${paint('cyan', location, colour)}  ${rest.join('  ')}\n`);
    }
    const count = problems.length;
    process.stderr.write(`${paint('red', `${count} problem${count === 1 ? '' : 's'}`, colour)} in the content folder: fix them (npm run check), then ask the gate again\n`);
    return 1;
  }
  const release = findRelease(content, args.ref);
  const gate = evaluateRelease(content, release);
  if (!gate) throw new UsageError(`process ${release.data.process} of ${release.ref} does not exist`);
  return report(release, gate, findStage(gate, content, args.stage), args.json);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`gate: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n${error.showUsage ? `\n${USAGE}` : ''}`);
      process.exitCode = 2;
      return;
    }
    // Never a stack trace: content problems are printed above; this is a bug in Shiplog.
    process.stderr.write(`gate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
