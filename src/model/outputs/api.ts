/**
 * The JSON API: `/api/v1/releases.json`, `test-reports.json`, `retrospectives.json`,
 * `services.json`, and `/api/v1/index.json` naming every data output. Each record with its
 * data as validated (`data`: the frontmatter or YAML after the schema: defaults filled in,
 * durations in minutes, date-times as written), its page (`path`, and `url` under
 * site.baseUrl) and what the portal computes about it (a release's gate, a report's JUnit
 * totals). Never a record's Markdown body.
 *
 * Stable: items in a fixed order (releases by service then version, reports and
 * retrospectives by file, services by id), object keys sorted, two-space indentation and a
 * final newline; the only value that changes between builds of the same content is
 * `generatedAt`, the build's "now" (SHIPLOG_NOW pins it).
 */
import { RECORD_KINDS } from '../../schema/index.ts';
import type { Content, ReleaseRecord } from '../content.ts';
import { blockersBefore, evaluateRelease, goLiveStageId } from '../gate/evaluate.ts';
import type { ItemEvaluation } from '../gate/types.ts';
import { recordPath } from '../queries/paths.ts';
import { compareVersions, releasePath, releaseTitle, releasesOfService, retrospectivesOf, testReportsOf } from '../queries/releases.ts';
import { servicePath } from '../queries/services.ts';
import { bugSummary, junitTotals } from '../queries/test-reports.ts';
import { parseReleaseRef } from '../../schema/index.ts';
import type { ApiDocument, ApiIndex, ReleaseItem, RetrospectiveItem, ServiceItem, TestReportItem } from './api-schema.ts';
import type { OutputContext } from './context.ts';
import {
  absoluteUrl,
  API_NAMES,
  API_VERSION,
  apiPath,
  apiSchemaPath,
  CALENDAR_PATH,
  FEED_PATH,
  recordSchemaPath,
  serviceCalendarPath,
  serviceFeedPath,
  type ApiName,
} from './locations.ts';

/** JSON text with every object's keys sorted (arrays keep their order), indented, newline-terminated. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function header(ctx: OutputContext) {
  return {
    version: API_VERSION as 1,
    generatedAt: ctx.now.toUTC().toISO({ suppressMilliseconds: true }) ?? '',
    site: { title: ctx.site.title, locale: ctx.site.locale, timezone: ctx.site.timezone, baseUrl: ctx.site.baseUrl ?? null },
  };
}

const located = (ctx: OutputContext, path: string) => ({ path, url: absoluteUrl(ctx.site.baseUrl, path) ?? null });

function releaseLink(ctx: OutputContext, ref: string) {
  const parsed = parseReleaseRef(ref);
  return { ref, ...located(ctx, parsed ? releasePath(parsed.service, parsed.version) : '/releases/') };
}

/** Every release, by service id then version (semver order where both are semver). */
function releasesInOrder(content: Content): ReleaseRecord[] {
  return [...content.releaseByRef.values()].sort((a, b) => byText(a.data.service, b.data.service) || compareVersions(a.data.version, b.data.version));
}

function gateItemJson(item: ItemEvaluation) {
  return {
    id: item.itemId,
    text: item.text,
    owner: item.owner ?? null,
    required: item.required,
    rule: item.rule ?? null,
    state: item.state,
    holds: item.holds,
    reason: { en: item.reason.en, 'zh-CN': item.reason['zh-CN'] },
    evidence: item.evidence.map((e) => ({ label: e.label, href: e.href ?? null })),
    by: item.by ?? null,
    at: item.at ?? null,
    note: item.note ?? null,
  };
}

function gateJson(content: Content, release: ReleaseRecord): ReleaseItem['gate'] {
  const gate = evaluateRelease(content, release);
  if (!gate) return null;
  const goLive = goLiveStageId(gate, content);
  const blocking = goLive === undefined ? [] : blockersBefore(gate, goLive);
  return {
    process: gate.processId,
    gated: gate.gated,
    currentStage: gate.currentStageId ?? null,
    passed: gate.passedCount,
    total: gate.total,
    waived: gate.waivedCount,
    goLive: { stage: goLive ?? null, allowed: goLive !== undefined && blocking.length === 0, blocking: blocking.map((i) => `${i.stageId}/${i.itemId}`) },
    stages: gate.stages.map((s) => ({ id: s.stageId, title: s.title, owner: s.owner ?? null, position: s.position, holds: s.holds, items: s.items.map(gateItemJson) })),
  };
}

export function releasesDocument(ctx: OutputContext): ApiDocument<'releases'> {
  const { content } = ctx;
  const items = releasesInOrder(content).map(
    (release): ReleaseItem => ({
      ref: release.ref,
      service: release.data.service,
      version: release.data.version,
      title: releaseTitle(release, content),
      status: release.data.status,
      ...located(ctx, releasePath(release.data.service, release.data.version)),
      file: release.file,
      gate: gateJson(content, release),
      testReports: testReportsOf(content, release.ref)
        .map((r) => located(ctx, recordPath(r)))
        .sort((a, b) => byText(a.path, b.path)),
      retrospectives: retrospectivesOf(content, release.ref)
        .map((r) => located(ctx, recordPath(r)))
        .sort((a, b) => byText(a.path, b.path)),
      data: release.data,
    }),
  );
  return { ...header(ctx), kind: 'releases', items };
}

export async function testReportsDocument(ctx: OutputContext): Promise<ApiDocument<'test-reports'>> {
  const reports = [...ctx.content.testReports].sort((a, b) => byText(a.file, b.file));
  const items: TestReportItem[] = [];
  for (const report of reports) {
    items.push({
      ...located(ctx, recordPath(report)),
      file: report.file,
      release: releaseLink(ctx, report.data.release),
      junit: (await junitTotals(ctx.content, report)) ?? null,
      openBugs: bugSummary(report).open,
      data: report.data,
    });
  }
  return { ...header(ctx), kind: 'test-reports', items };
}

export function retrospectivesDocument(ctx: OutputContext): ApiDocument<'retrospectives'> {
  const items = [...ctx.content.retrospectives]
    .sort((a, b) => byText(a.file, b.file))
    .map(
      (retro): RetrospectiveItem => ({
        ...located(ctx, recordPath(retro)),
        file: retro.file,
        releases: retro.data.releases.map((ref) => releaseLink(ctx, ref)),
        data: retro.data,
      }),
    );
  return { ...header(ctx), kind: 'retrospectives', items };
}

export function servicesDocument(ctx: OutputContext): ApiDocument<'services'> {
  const { content } = ctx;
  const items = [...content.services.values()]
    .sort((a, b) => byText(a.id, b.id))
    .map(
      (service): ServiceItem => ({
        id: service.id,
        ...located(ctx, servicePath(service.id)),
        file: service.file,
        feed: located(ctx, serviceFeedPath(service.id)),
        calendar: located(ctx, serviceCalendarPath(service.id)),
        releases: releasesOfService(content, service.id).map((r) => releaseLink(ctx, r.ref)),
        data: service.data,
      }),
    );
  return { ...header(ctx), kind: 'services', items };
}

const BUILDERS: { [N in ApiName]: (ctx: OutputContext) => ApiDocument<N> | Promise<ApiDocument<N>> } = {
  releases: releasesDocument,
  'test-reports': testReportsDocument,
  retrospectives: retrospectivesDocument,
  services: servicesDocument,
};

/** The document of one API file. */
export async function apiDocument<N extends ApiName>(ctx: OutputContext, name: N): Promise<ApiDocument<N>> {
  return BUILDERS[name](ctx);
}

/** `/api/v1/index.json`: every data output of the portal, for a program to find them. */
export function apiIndexDocument(ctx: OutputContext): ApiIndex {
  const services = [...ctx.content.services.keys()].sort(byText);
  return {
    ...header(ctx),
    kind: 'index',
    api: API_NAMES.map((name) => ({ name, ...located(ctx, apiPath(name)), schema: located(ctx, apiSchemaPath(name)) })),
    recordSchemas: RECORD_KINDS.map((kind) => ({ kind, ...located(ctx, recordSchemaPath(kind)) })),
    feeds: [{ service: null, ...located(ctx, FEED_PATH) }, ...services.map((id) => ({ service: id, ...located(ctx, serviceFeedPath(id)) }))],
    calendars: [{ service: null, ...located(ctx, CALENDAR_PATH) }, ...services.map((id) => ({ service: id, ...located(ctx, serviceCalendarPath(id)) }))],
  };
}
