/**
 * `npm run notify -- <service>@<version> --to <webhook-url> --format <dingtalk|feishu|wecom|slack>`:
 * posts a release's formal notice (正式发布通知, with its release notes) to a group chat robot,
 * written from the record in the site's locale — the same text as the portal's notice page.
 *
 *   --to <url>        the robot's webhook URL; else $SHIPLOG_WEBHOOK_URL (better: it stays out of
 *                     the shell history and the process list)
 *   --format <id>     dingtalk | feishu | wecom | slack; optional when the URL's host says it
 *   --message <id>    formal (default) | notes | baseline (发布说明, 发布基线通知)
 *   --dry-run         print the JSON payload on stdout instead of posting (no URL needed)
 *   --timeout <s>     seconds to wait for the platform's answer (default 10)
 *   --any-status      post the formal notice of a release that is not `released`
 *   --content <dir>   content folder (default ./content or $SHIPLOG_CONTENT)
 *   $SHIPLOG_WEBHOOK_SECRET  the robot's signing secret (DingTalk 加签, Feishu 签名校验)
 *
 * The webhook URL is a credential and is never printed: messages show the host and the route
 * with every token as `***` (`https://oapi.dingtalk.com/robot/send?access_token=***`).
 *
 * Exit status:
 *   0  posted (or, with --dry-run, the payload printed)
 *   1  not posted: unknown release, content problems, a formal notice of a release that is not
 *      released, no answer within the timeout, unreachable, an HTTP error, or the platform's
 *      own error code in its answer (DingTalk/WeCom `errcode`, Feishu `code`, Slack's text body)
 *   2  usage error (unknown flag, no webhook URL, unknown format)
 */
import { parseArgs } from 'node:util';
import type { Content, ReleaseRecord } from '../model/content.ts';
import { loadContent } from '../model/load.ts';
import { resolveContentRoot } from '../model/source/files.ts';
import { didYouMean } from '../model/suggest.ts';
import { absoluteUrl, buildNotice, noticePagePath, NOTICE_KINDS, type NoticeKind } from '../model/notices/index.ts';
import { CHAT_PLATFORMS, isChatPlatform, platformOfUrl, PLATFORMS, redactUrl, scrub, type ChatPlatform } from '../model/notices/chat/index.ts';
import { sendChat } from '../model/notices/chat/send.ts';
import { paint, printable, useColour } from './output.ts';
import { lookupRelease } from './release-arg.ts';

const USAGE = `usage: npm run notify -- <service>@<version> [--to <webhook-url>] [--format ${CHAT_PLATFORMS.join('|')}]
                         [--message formal|notes|baseline] [--dry-run] [--timeout <seconds>]
                         [--any-status] [--content <folder>]

Posts a release's formal notice (正式发布通知, with the release notes) to a chat robot's
webhook, in the site's locale. The URL comes from --to or $SHIPLOG_WEBHOOK_URL and is never
printed; $SHIPLOG_WEBHOOK_SECRET signs requests for robots that need it (DingTalk, Feishu).
--format may be left out when the URL's host names the platform. --dry-run prints the JSON
payload instead of posting.

exit status: 0 posted (or printed), 1 not posted (the reason is printed), 2 usage error
`;

const DEFAULT_TIMEOUT_S = 10;
const MESSAGE_IDS: Record<string, NoticeKind> = { formal: 'formal', notice: 'formal', notes: 'notes', baseline: 'baseline' };

/** A usage error (exit 2) or a reason not to post (exit 1), printed as one line plus a hint. */
class NotifyError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: 1 | 2;
  readonly showUsage: boolean;
  constructor(message: string, hint?: string, exitCode: 1 | 2 = 1, showUsage = false) {
    super(message);
    this.hint = hint;
    this.exitCode = exitCode;
    this.showUsage = showUsage;
  }
}

interface Args {
  ref: string;
  webhook: string | undefined;
  platform: ChatPlatform | undefined;
  kind: NoticeKind;
  dryRun: boolean;
  timeoutMs: number;
  anyStatus: boolean;
  root: string;
}

/** Everything that could be a webhook URL or secret, so that no output line can show it. */
const secrets: string[] = [];

function readArgs(argv: string[], env: NodeJS.ProcessEnv): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        to: { type: 'string' },
        format: { type: 'string' },
        message: { type: 'string', default: 'formal' },
        'dry-run': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'any-status': { type: 'boolean', default: false },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new NotifyError(error instanceof Error ? error.message : String(error), undefined, 2, true);
  }
  const { values, positionals } = parsed;
  if (values.to) secrets.push(values.to);
  for (const p of positionals) if (p.includes('://')) secrets.push(p);
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    const what = positionals.length === 0 ? 'no release given' : `one release at a time, got ${positionals.length} arguments`;
    throw new NotifyError(what, undefined, 2, true);
  }
  const webhook = values.to ?? (env['SHIPLOG_WEBHOOK_URL'] || undefined);
  let platform: ChatPlatform | undefined;
  if (values.format !== undefined) {
    if (!isChatPlatform(values.format)) throw new NotifyError(`unknown format "${values.format}"`, didYouMean(values.format, CHAT_PLATFORMS) ?? `formats: ${CHAT_PLATFORMS.join(', ')}`, 2);
    platform = values.format;
  } else if (webhook) {
    platform = platformOfUrl(webhook);
  }
  const kind = MESSAGE_IDS[values.message];
  if (!kind) throw new NotifyError(`unknown message "${values.message}"`, didYouMean(values.message, NOTICE_KINDS) ?? 'messages: formal, notes, baseline', 2);
  let timeoutMs = DEFAULT_TIMEOUT_S * 1000;
  if (values.timeout !== undefined) {
    const s = Number(values.timeout);
    if (!Number.isFinite(s) || s <= 0 || s > 600) throw new NotifyError(`--timeout must be a number of seconds between 0 and 600, got "${values.timeout}"`, undefined, 2);
    timeoutMs = Math.round(s * 1000);
  }
  const dryRun = values['dry-run'];
  if (!dryRun) {
    if (!webhook) throw new NotifyError('no webhook URL', 'pass --to <url> or set SHIPLOG_WEBHOOK_URL; --dry-run prints the payload without one', 2);
    let url: URL | undefined;
    try {
      url = new URL(webhook);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new NotifyError('the webhook URL is not an http(s) URL', 'copy it whole from the robot settings', 2);
  }
  if (!platform) {
    throw new NotifyError(
      webhook ? `cannot tell the platform from the webhook host (${redactUrl(webhook)})` : 'no --format',
      `pass --format ${CHAT_PLATFORMS.join('|')}`,
      2,
    );
  }
  const root = values.content ? resolveContentRoot({ SHIPLOG_CONTENT: values.content }) : resolveContentRoot();
  return { ref: positionals[0]!, webhook, platform, kind, dryRun, timeoutMs, anyStatus: values['any-status'], root };
}

function findRelease(content: Content, ref: string): ReleaseRecord {
  const found = lookupRelease(content, ref);
  if ('release' in found) return found.release;
  throw new NotifyError(found.message, found.hint);
}

const out = (text: string) => process.stdout.write(scrub(text, secrets));
const err = (text: string) => process.stderr.write(scrub(text, secrets));

async function main(argv: string[]): Promise<number> {
  const env = process.env;
  if (env['SHIPLOG_WEBHOOK_URL']) secrets.push(env['SHIPLOG_WEBHOOK_URL']);
  if (env['SHIPLOG_WEBHOOK_SECRET']) secrets.push(env['SHIPLOG_WEBHOOK_SECRET']);
  const args = readArgs(argv, env);
  if (args === 'help') {
    out(USAGE);
    return 0;
  }
  const { content, problems } = await loadContent(args.root);
  if (problems.length > 0) {
    const colour = useColour(process.stderr);
    for (const problem of problems) {
      const [location = '', ...rest] = printable(problem, args.root).split('  ');
      err(`${paint('cyan', location, colour)}  ${rest.join('  ')}\n`);
    }
    const count = problems.length;
    throw new NotifyError(`the content folder has ${count} problem${count === 1 ? '' : 's'} (listed above), so nothing was posted`, 'fix them (npm run check), then notify again');
  }
  const release = findRelease(content, args.ref);
  if (args.kind === 'formal' && release.data.status !== 'released' && !args.anyStatus) {
    throw new NotifyError(
      `${release.ref} is ${release.data.status}, not released: the formal notice announces a release that went out`,
      'post it anyway with --any-status, or send --message baseline or --message notes',
    );
  }
  const doc = buildNotice(content, release, args.kind);
  const spec = PLATFORMS[args.platform!];
  const pageUrl = absoluteUrl(content.site?.data.baseUrl, noticePagePath(release.data.service, release.data.version, args.kind));
  const payload = spec.payload({ doc, pageUrl });
  const what = `the ${args.kind === 'formal' ? 'formal notice' : args.kind === 'notes' ? 'release notes' : 'baseline notice'} of ${release.ref}`;

  if (args.dryRun) {
    out(`${JSON.stringify(payload, null, 2)}\n`);
    const target = args.webhook ? ` to ${redactUrl(args.webhook)}` : '';
    err(`dry run: ${what} as a ${spec.name} message (${Buffer.byteLength(JSON.stringify(payload))} bytes), not posted${target}\n`);
    return 0;
  }
  const outcome = await sendChat(spec, args.webhook!, payload, { timeoutMs: args.timeoutMs, secret: env['SHIPLOG_WEBHOOK_SECRET'] || undefined });
  if (!outcome.ok) throw new NotifyError(`${what} was not posted: ${outcome.line}`);
  out(`${outcome.line.replace(/^posted/, `posted ${what}`)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof NotifyError) {
      err(`notify: ${error.message}${error.hint ? ` (${error.hint})` : ''}\n${error.showUsage ? `\n${USAGE}` : ''}`);
      process.exitCode = error.exitCode;
      return;
    }
    // Never a stack trace (it could hold the URL); this is a bug in Shiplog.
    err(`notify: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
