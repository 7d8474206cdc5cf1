/**
 * What `npm run new -- <kind>` writes, worked out without touching the disk: the record's path
 * in the content folder (the conventional place for its kind) and its text, rendered from the
 * template of the site's locale with everything the folder tells (propose.ts). Values the
 * flags do not give are asked through an Asker (ask.ts), so this runs the same in a terminal,
 * in CI and in tests.
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Content, ReleaseRecord } from '../../model/content.ts';
import { didYouMean } from '../../model/suggest.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import {
  ID_PATTERN,
  TEST_STAGES,
  VERDICTS,
  VERSION_PATTERN,
  isHttpUrl,
  parseReleaseRef,
  type ReleaseType,
} from '../../schema/index.ts';
import type { Asker, Choice } from './ask.ts';
import { inProduction, lastRelease, proposeVersion } from './versions.ts';
import { nextRound, outcomeFor, peopleOf, processFor, roleFor } from './propose.ts';
import { loadTemplate, renderTemplate, type TemplateValues } from './template.ts';
import { flowList, mappingLines, quoted, scalar } from './yaml-text.ts';

export const KINDS = ['release', 'hotfix', 'test-report', 'retrospective', 'service', 'process'] as const;
export type Kind = (typeof KINDS)[number];

export type Flags = Readonly<Record<string, string | string[] | boolean | undefined>>;

/** A flag value that cannot be used (unknown service, bad version, …): exit 2, like a usage error. */
export class BadFlag extends Error {}

export interface Planned {
  /** Path relative to the content folder, forward slashes. */
  file: string;
  text: string;
  /** What was filled in from the folder, one short line each, for the summary. */
  filled: string[];
  /** A record that already has this identity (a release's service@version), and its file. */
  duplicate?: { identity: string; file: string };
}

export interface PlanContext {
  content: Content;
  ask: Asker;
  today: DateTime;
  /** Where the Shiplog repository's `schemas/` folder is (for the YAML schema comment). */
  schemasDir?: string;
  templatesDir?: string;
}

export async function planRecord(kind: Kind, flags: Flags, ctx: PlanContext): Promise<Planned> {
  const site = ctx.content.site?.data;
  if (!site) throw new BadFlag('site.yaml is missing or has problems: run npm run check and fix it first');
  const locale: Locale = site.locale;
  const builder = BUILDERS[kind];
  const built = await builder(flags, ctx, locale);
  const template = await loadTemplate(locale, built.template, ...(ctx.templatesDir ? [ctx.templatesDir] : []));
  const text = renderTemplate(template, built.values);
  return { file: built.file, text: text.endsWith('\n') ? text : `${text}\n`, filled: built.filled, ...(built.duplicate ? { duplicate: built.duplicate } : {}) };
}

interface Built {
  template: string;
  file: string;
  values: TemplateValues;
  filled: string[];
  duplicate?: { identity: string; file: string };
}

type Builder = (flags: Flags, ctx: PlanContext, locale: Locale) => Promise<Built>;

const str = (flags: Flags, name: string): string | undefined => {
  const v = flags[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const list = (flags: Flags, name: string): string[] => {
  const v = flags[name];
  const all = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return all.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
};

function checkId(value: string, flag: string): string {
  if (!ID_PATTERN.test(value)) throw new BadFlag(`${flag} ${value} is not an id: use lowercase letters, digits and -, e.g. payment-gateway`);
  return value;
}

/** The day of a report or retrospective: --date (read in the site's zone), else today. */
function dateOf(flags: Flags, today: DateTime): DateTime {
  const given = str(flags, 'date');
  if (!given) return today;
  const when = /^\d{4}-\d{2}-\d{2}$/.test(given) ? DateTime.fromISO(given, { zone: today.zone }) : undefined;
  if (!when?.isValid) throw new BadFlag(`--date ${given} is not a date: write it as 2026-03-12`);
  return when.startOf('day');
}

async function pickService(flags: Flags, ctx: PlanContext): Promise<string> {
  const services = [...ctx.content.services.values()].sort((a, b) => a.id.localeCompare(b.id));
  const given = str(flags, 'service');
  if (given !== undefined) {
    if (!ctx.content.services.has(given)) {
      throw new BadFlag(`--service ${given}: no such service (${didYouMean(given, ctx.content.services.keys()) ?? `add services/${given}.yaml first: npm run new -- service --id ${given} --name …`})`);
    }
    return given;
  }
  if (services.length === 0) throw new BadFlag('the content folder has no service yet: npm run new -- service --id <id> --name <name>');
  return ctx.ask.ask({
    flag: '--service',
    message: 'Service',
    choices: services.map((s) => ({ value: s.id, label: s.data.name, hint: s.id })),
  });
}

async function pickRelease(flags: Flags, ctx: PlanContext, flag = '--release'): Promise<ReleaseRecord> {
  const given = str(flags, 'release');
  const ref = given ?? (await ctx.ask.ask({ flag, message: 'Release', choices: releaseChoices(ctx.content) }));
  return findRelease(ref, ctx.content, flag);
}

function findRelease(ref: string, content: Content, flag: string): ReleaseRecord {
  const release = content.releaseByRef.get(ref);
  if (release) return release;
  const hint = parseReleaseRef(ref) ? didYouMean(ref, content.releaseByRef.keys()) : 'write it as <service>@<version>, e.g. payment-gateway@2.3.0';
  throw new BadFlag(`${flag} ${ref}: no such release${hint ? ` (${hint})` : ''}`);
}

function releaseChoices(content: Content): Choice[] {
  const releases = [...content.releaseByRef.values()].sort((a, b) => b.file.localeCompare(a.file));
  if (releases.length === 0) throw new BadFlag('the content folder has no release yet: npm run new -- release --service <id>');
  return releases.map((r) => ({ value: r.ref, hint: r.data.status }));
}

/** `2026-03-12T22:00:00+08:00`: a time on a day, with the site zone's offset on that day. */
function at(day: DateTime, hour: number, minute: number): string {
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}

function peopleBlock(people: [string, string][], roles: Readonly<Record<string, string>>): string {
  if (people.length > 0) return `people:\n${indent(mappingLines(people))}`;
  return ['# people:', ...Object.keys(roles).map((role) => `#   ${role}: TODO`)].join('\n');
}

const indent = (text: string, by = '  ') => text.split('\n').map((l) => by + l).join('\n');

/* ---------- release and hotfix ---------- */

function releaseBuilder(type: ReleaseType | 'hotfix'): Builder {
  return async (flags, ctx) => {
    const { content } = ctx;
    const site = content.site!.data;
    const service = await pickService(flags, ctx);
    const releaseType: ReleaseType = type === 'hotfix' ? 'hotfix' : (releaseTypeFlag(flags) ?? type);
    const live = lastRelease(content.releases, service, inProduction);
    const last = releaseType === 'hotfix' ? (live ?? lastRelease(content.releases, service)) : lastRelease(content.releases, service);
    const taken = new Set([...content.declared.releases].filter((r) => r.startsWith(`${service}@`)).map((r) => r.slice(service.length + 1)));
    const proposal = last ? proposeVersion(last.data.version, releaseType === 'hotfix' ? 'patch' : 'minor', taken) : undefined;
    const version =
      str(flags, 'version') ??
      (await ctx.ask.ask({
        flag: '--version',
        message: last ? `Version (${releaseType === 'hotfix' && live ? 'in production' : 'last release'}: ${last.data.version})` : 'Version',
        proposal,
        validate: (v) => (VERSION_PATTERN.test(v) ? undefined : 'letters, digits and . + _ - (such as 2.4.0)'),
      }));
    if (!VERSION_PATTERN.test(version)) throw new BadFlag(`--version ${version} is not a version: letters, digits and . + _ - (such as 2.4.0)`);

    const proposedProcess = processFor(releaseType, content.processes);
    const processId =
      str(flags, 'process') ??
      (await ctx.ask.ask({
        flag: '--process',
        message: 'Release process',
        proposal: proposedProcess?.id,
        choices: [...content.processes.values()].map((p) => ({ value: p.id, label: p.data.title, hint: p.id })),
      }));
    const process = content.processes.get(processId);
    if (!process) {
      throw new BadFlag(`--process ${processId}: no such process (${didYouMean(processId, content.processes.keys()) ?? 'see processes/'})`);
    }

    const staffed = lastRelease(content.releases, service, (r) => Object.keys(r.data.people).length > 0);
    const people = peopleOf(staffed, site.roles);
    const manual = process.data.stages.flatMap((s) => s.checklist.filter((item) => !item.rule));
    const ref = `${service}@${version}`;
    const existing = content.declared.releases.has(ref) ? content.releases.find((r) => r.ref === ref)?.file ?? ref : undefined;
    const day = ctx.today;
    const filled = [
      proposal && version === proposal ? `version ${version} (after ${last!.data.version})` : undefined,
      processId === proposedProcess?.id && !str(flags, 'process') ? `process ${processId} (for a ${releaseType} release)` : undefined,
      people.length > 0 ? `people from ${staffed!.ref}` : undefined,
      live ? `rollback target ${live.data.version} (in production)` : undefined,
    ].filter((s): s is string => s !== undefined);
    return {
      template: type === 'hotfix' ? 'hotfix.md' : 'release.md',
      file: `releases/${service}/${version}.md`,
      ...(existing ? { duplicate: { identity: ref, file: existing } } : {}),
      filled,
      values: {
        service,
        version: quoted(version),
        process: processId,
        type: releaseType,
        title: str(flags, 'title') === undefined ? undefined : scalar(str(flags, 'title')!),
        summary: str(flags, 'summary') === undefined ? undefined : scalar(str(flags, 'summary')!),
        people: peopleBlock(people, site.roles),
        previous: live ? quoted(live.data.version) : undefined,
        date: day.toISODate() ?? '',
        windowStart: at(day, 22, 0),
        windowEnd: at(day, 23, 30),
        checklist: manual.length > 0 ? manual.map((item) => `#   ${item.id}: pending`.padEnd(34) + `# ${item.text}`).join('\n') : undefined,
      },
    };
  };
}

function releaseTypeFlag(flags: Flags): ReleaseType | undefined {
  const type = str(flags, 'type');
  if (type === undefined) return undefined;
  if (type === 'standard' || type === 'temporary') return type;
  if (type === 'hotfix') throw new BadFlag('--type hotfix: use npm run new -- hotfix …');
  throw new BadFlag(`--type ${type}: must be standard or temporary`);
}

/* ---------- test report ---------- */

const testReport: Builder = async (flags, ctx, locale) => {
  const { content } = ctx;
  const site = content.site!.data;
  const release = await pickRelease(flags, ctx);
  const t = translator(locale);
  const stage =
    str(flags, 'stage') ??
    (await ctx.ask.ask({
      flag: '--stage',
      message: 'Test stage',
      choices: TEST_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`), hint: s })),
    }));
  if (!(TEST_STAGES as readonly string[]).includes(stage)) {
    throw new BadFlag(`--stage ${stage}: must be one of ${TEST_STAGES.join(', ')}${suffix(didYouMean(stage, TEST_STAGES))}`);
  }
  const roundText = str(flags, 'round');
  const round = roundText === undefined ? nextRound(content, release.ref, stage) : Number(roundText);
  if (!Number.isInteger(round) || round < 1) throw new BadFlag(`--round ${roundText}: must be a whole number from 1`);
  const verdict = str(flags, 'verdict');
  if (verdict !== undefined && !(VERDICTS as readonly string[]).includes(verdict)) {
    throw new BadFlag(`--verdict ${verdict}: must be one of ${VERDICTS.join(', ')}`);
  }
  const environment = str(flags, 'environment');
  const envIds = site.environments?.map((e) => e.id);
  if (environment !== undefined && envIds && !envIds.includes(environment)) {
    throw new BadFlag(`--environment ${environment}: must be one of site.environments: ${envIds.join(', ')}`);
  }
  const day = dateOf(flags, ctx.today);
  const tester = str(flags, 'tester') ?? release.data.people['qa'];
  const serviceName = content.services.get(release.data.service)?.data.name ?? release.data.service;
  const stageName = t(`stage.${stage as (typeof TEST_STAGES)[number]}`);
  const title = locale === 'zh-CN' ? `${serviceName} ${release.data.version} ${stageName}报告` : `${serviceName} ${release.data.version} ${stageName} report`;
  return {
    template: 'test-report.md',
    file: `test-reports/${release.data.service}/${release.data.version}-${stage}-r${round}.md`,
    filled: [
      roundText === undefined ? `round ${round}` : undefined,
      !str(flags, 'tester') && tester ? `tester from ${release.ref} (qa)` : undefined,
    ].filter((s): s is string => s !== undefined),
    values: {
      release: release.ref,
      title: scalar(str(flags, 'title') ?? title),
      stage,
      round: String(round),
      environment: environment === undefined ? undefined : scalar(environment),
      environmentChoices: envIds ? envIds.join(' | ') : undefined,
      tester: tester === undefined ? undefined : scalar(tester),
      date: day.toISODate() ?? '',
      verdict,
    },
  };
};

const suffix = (hint: string | undefined) => (hint ? ` (${hint})` : '');

/* ---------- retrospective ---------- */

const retrospective: Builder = async (flags, ctx, locale) => {
  const { content } = ctx;
  const refs = list(flags, 'release');
  const releases =
    refs.length > 0
      ? refs.map((ref) => findRelease(ref, content, '--release'))
      : [await pickRelease(flags, ctx)];
  const first = releases[0]!;
  const day = dateOf(flags, ctx.today);
  const serviceName = content.services.get(first.data.service)?.data.name ?? first.data.service;
  const title = str(flags, 'title') ?? (locale === 'zh-CN' ? `${serviceName} ${first.data.version} 复盘` : `${serviceName} ${first.data.version} retrospective`);
  const slug = str(flags, 'slug') ?? `${day.toFormat('MM')}-${first.data.service}-${first.data.version}`;
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(slug) || slug.includes('..')) {
    throw new BadFlag(`--slug ${slug}: use letters, digits, . _ and - (it becomes the file name)`);
  }
  const participants = [...new Set(releases.flatMap((r) => Object.values(r.data.people)))];
  const facilitator = str(flags, 'facilitator') ?? first.data.people['lead'];
  const outcome = outcomeFor(releases.length === 1 ? first : undefined);
  return {
    template: 'retrospective.md',
    file: `retrospectives/${day.toFormat('yyyy')}/${slug}.md`,
    filled: [
      participants.length > 0 ? `participants from the people of ${releases.map((r) => r.ref).join(', ')}` : undefined,
      outcome ? `outcome ${outcome} (the release is ${first.data.status})` : undefined,
    ].filter((s): s is string => s !== undefined),
    values: {
      title: scalar(title),
      releases: flowList(releases.map((r) => r.ref)),
      date: day.toISODate() ?? '',
      time: at(day, 12, 0),
      facilitator: facilitator === undefined ? undefined : scalar(facilitator),
      participants: participants.length > 0 ? flowList(participants) : undefined,
      outcome,
    },
  };
};

/* ---------- service and process ---------- */

const service: Builder = async (flags, ctx) => {
  const id = checkId(str(flags, 'id') ?? (await ctx.ask.ask({ flag: '--id', message: 'Service id (file name, e.g. payment-gateway)', validate: idProblem })), '--id');
  const name = str(flags, 'name') ?? (await ctx.ask.ask({ flag: '--name', message: 'Display name' }));
  const repo = str(flags, 'repo');
  if (repo !== undefined && !isHttpUrl(repo)) throw new BadFlag(`--repo ${repo}: must be an absolute http: or https: URL`);
  const file = `services/${id}.yaml`;
  return {
    template: 'service.yaml',
    file,
    filled: [],
    values: {
      schema: schemaComment(ctx, file, 'service'),
      name: scalar(name),
      description: str(flags, 'description') === undefined ? undefined : scalar(str(flags, 'description')!),
      team: str(flags, 'team') === undefined ? undefined : scalar(str(flags, 'team')!),
      repo: repo === undefined ? undefined : scalar(repo),
    },
  };
};

const processBuilder: Builder = async (flags, ctx) => {
  const roles = ctx.content.site!.data.roles;
  const id = checkId(str(flags, 'id') ?? (await ctx.ask.ask({ flag: '--id', message: 'Process id (file name, e.g. standard)', validate: idProblem })), '--id');
  const title = str(flags, 'title') ?? (await ctx.ask.ask({ flag: '--title', message: 'Title of the process' }));
  const values: Record<string, string | undefined> = {
    title: scalar(title),
    heading: title,
    summary: str(flags, 'summary') === undefined ? undefined : scalar(str(flags, 'summary')!),
  };
  for (const part of ['dev', 'lead', 'qa', 'ops', 'dba', 'pm']) values[`role.${part}`] = roleFor(part, roles);
  const mapped = ['dev', 'lead', 'qa', 'ops'].filter((part) => !(part in roles));
  return {
    template: 'process.md',
    file: `processes/${id}.md`,
    filled: mapped.length > 0 ? [`owners ${mapped.join(', ')} set to role ${roleFor('', roles)} (site.yaml has no such role)`] : [],
    values,
  };
};

const idProblem = (v: string) => (ID_PATTERN.test(v) ? undefined : 'lowercase letters, digits and -');

/**
 * The `yaml-language-server` comment naming the JSON Schema, as a path from the new file —
 * only when the content folder is inside the Shiplog repository (elsewhere the path would
 * name one machine's layout; yaml.schemas in the editor settings covers those folders).
 */
function schemaComment(ctx: PlanContext, file: string, name: string): string | undefined {
  if (!ctx.schemasDir) return undefined;
  const repo = path.dirname(ctx.schemasDir);
  const target = path.join(ctx.content.root, file);
  const rel = path.relative(repo, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return path.relative(path.dirname(target), path.join(ctx.schemasDir, `${name}.schema.json`)).split(path.sep).join('/');
}

const BUILDERS: Record<Kind, Builder> = {
  release: releaseBuilder('standard'),
  hotfix: releaseBuilder('hotfix'),
  'test-report': testReport,
  retrospective,
  service,
  process: processBuilder,
};
