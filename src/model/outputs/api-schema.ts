/**
 * The shape of the JSON API (`/api/v1/*.json`), in zod: the builders in api.ts are typed from
 * it, and the JSON Schemas published at `/schema/v1/api/<name>.json` are generated from it
 * (with the record kinds' own schemas for `data`, output side: defaults filled in, durations
 * in minutes) through src/cli/schemas/generate.ts — one definition, no hand-written schema.
 *
 * Every file: `{ version: 1, kind, generatedAt, site, items: [...] }`. Within v1 fields are
 * only added, never removed, renamed or changed in meaning; a breaking change is `/api/v2/`.
 */
import { z } from 'zod';
import { documentedJsonSchema } from '../../cli/schemas/generate.ts';
import { LOCALES, RELEASE_STATUSES, RULES, SCHEMA_OF_KIND } from '../../schema/index.ts';
import { API_NAMES, type ApiName } from './locations.ts';

const path = z.string().regex(/^\//).meta({ description: 'Root-relative path of the page or file in the portal, percent-encoded.' });
const url = z
  .string()
  .regex(/^https?:\/\//)
  .nullable()
  .meta({ description: 'Absolute URL of the same page or file under site.baseUrl; null when site.yaml has no baseUrl.' });
const file = z.string().meta({ description: 'The record file, relative to the content folder.' });
const ref = z.string().meta({ description: 'A release: <service>@<version>.' });
const releaseLink = z.object({ ref, path, url });
const recordLink = z.object({ path, url });

const site = z
  .object({
    title: z.string(),
    locale: z.enum(LOCALES),
    timezone: z.string().meta({ description: 'IANA time zone in which record dates without an offset are read.' }),
    baseUrl: z.string().nullable(),
  })
  .meta({ description: 'The portal the file comes from (site.yaml).' });

const GATE_STATES = ['done', 'n/a', 'waived', 'pending', 'passing', 'failing'] as const;
const STAGE_POSITIONS = ['passed', 'current', 'not-reached', 'follow-up'] as const;

const gateItem = z.object({
  id: z.string(),
  text: z.string(),
  owner: z.string().nullable().meta({ description: 'Role responsible for the item.' }),
  required: z.boolean(),
  rule: z.enum(RULES).nullable().meta({ description: 'The rule that computes the item, if any.' }),
  state: z.enum(GATE_STATES),
  holds: z.boolean().meta({ description: 'done, n/a, waived or passing.' }),
  reason: z.object({ en: z.string(), 'zh-CN': z.string() }).meta({ description: 'Why the item is in its state, in both portal languages.' }),
  evidence: z.array(z.object({ label: z.string(), href: z.string().nullable() })),
  by: z.string().nullable(),
  at: z.string().nullable(),
  note: z.string().nullable(),
});

const gate = z
  .object({
    process: z.string(),
    gated: z.boolean().meta({ description: 'False for a cancelled release: it is not gated.' }),
    currentStage: z.string().nullable().meta({ description: 'The stage that claims the release status.' }),
    passed: z.number().int().meta({ description: 'Items that hold, over the stages up to the last one that claims a status.' }),
    total: z.number().int(),
    waived: z.number().int(),
    goLive: z
      .object({ stage: z.string().nullable(), allowed: z.boolean(), blocking: z.array(z.string()) })
      .meta({ description: 'May the release enter the stage that claims deploying (npm run gate)? blocking: stage/item ids that keep it out.' }),
    stages: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        owner: z.string().nullable(),
        position: z.enum(STAGE_POSITIONS),
        holds: z.boolean(),
        items: z.array(gateItem),
      }),
    ),
  })
  .nullable()
  .meta({ description: "The release's place in its process and the state of every checklist item (the gate of the release page)." });

const counts = z.object({ tests: z.number().int(), passed: z.number().int(), failed: z.number().int(), errors: z.number().int(), skipped: z.number().int(), flaky: z.number().int() });

export const releaseItem = z.object({
  ref,
  service: z.string(),
  version: z.string(),
  title: z.string().meta({ description: 'The title shown in the portal: data.title, else "<service name> <version>".' }),
  status: z.enum(RELEASE_STATUSES),
  path,
  url,
  file,
  gate,
  testReports: z.array(recordLink),
  retrospectives: z.array(recordLink),
  data: SCHEMA_OF_KIND.release,
});

export const testReportItem = z.object({
  path,
  url,
  file,
  release: releaseLink,
  junit: counts.nullable().meta({ description: 'Totals over the JUnit XML files, counted as the portal counts them; null without junit files.' }),
  openBugs: z.number().int().meta({ description: 'Open bugs for the gate: open + fixed.' }),
  data: SCHEMA_OF_KIND['test-report'],
});

export const retrospectiveItem = z.object({
  path,
  url,
  file,
  releases: z.array(releaseLink),
  data: SCHEMA_OF_KIND.retrospective,
});

export const serviceItem = z.object({
  id: z.string(),
  path,
  url,
  file,
  feed: recordLink.meta({ description: "The service's Atom feed." }),
  calendar: recordLink.meta({ description: "The service's iCalendar file." }),
  releases: z.array(releaseLink).meta({ description: 'Its releases, oldest version first.' }),
  data: SCHEMA_OF_KIND.service,
});

const document = <K extends ApiName, T extends z.ZodType>(kind: K, item: T) =>
  z.object({
    version: z.literal(1).meta({ description: 'Version of the API: the 1 of /api/v1/.' }),
    kind: z.literal(kind),
    generatedAt: z.string().meta({ description: 'The build\'s "now" (SHIPLOG_NOW when set), ISO 8601 in UTC.' }),
    site,
    items: z.array(item),
  });

export const API_DOCUMENTS = {
  releases: document('releases', releaseItem),
  'test-reports': document('test-reports', testReportItem),
  retrospectives: document('retrospectives', retrospectiveItem),
  services: document('services', serviceItem),
} as const satisfies Record<ApiName, z.ZodType>;

export type ApiDocument<N extends ApiName> = z.output<(typeof API_DOCUMENTS)[N]>;
export type ReleaseItem = z.output<typeof releaseItem>;
export type TestReportItem = z.output<typeof testReportItem>;
export type RetrospectiveItem = z.output<typeof retrospectiveItem>;
export type ServiceItem = z.output<typeof serviceItem>;

const fileLink = z.object({ path, url });
export const apiIndex = z.object({
  version: z.literal(1),
  kind: z.literal('index'),
  generatedAt: z.string(),
  site,
  api: z.array(z.object({ name: z.enum(API_NAMES), path, url, schema: fileLink })).meta({ description: 'The JSON files of the API, each with its JSON Schema.' }),
  recordSchemas: z.array(z.object({ kind: z.string(), path, url })).meta({ description: 'JSON Schemas of the record kinds, as authors write them.' }),
  feeds: z.array(z.object({ service: z.string().nullable(), path, url })).meta({ description: 'Atom feeds: every release (service null), then one per service.' }),
  calendars: z.array(z.object({ service: z.string().nullable(), path, url })).meta({ description: 'iCalendar files: every release window (service null), then one per service.' }),
});
export type ApiIndex = z.output<typeof apiIndex>;

const TITLES: Record<ApiName | 'index', string> = {
  releases: 'Shiplog API v1: releases',
  'test-reports': 'Shiplog API v1: test reports',
  retrospectives: 'Shiplog API v1: retrospectives',
  services: 'Shiplog API v1: services',
  index: 'Shiplog API v1: index of the data outputs',
};

/** The JSON Schema of an API file, as published at `/schema/v1/api/<name>.json`. */
export function apiJsonSchema(name: ApiName | 'index'): Record<string, unknown> {
  const schema = name === 'index' ? apiIndex : API_DOCUMENTS[name];
  const { $schema, ...rest } = documentedJsonSchema(schema, 'output');
  return {
    $schema,
    title: TITLES[name],
    description: `The file /api/v1/${name}.json of a Shiplog portal. Generated from src/model/outputs/api-schema.ts; record data follows the record kinds' schemas (validated values: defaults filled in, durations in minutes).`,
    ...rest,
  };
}
