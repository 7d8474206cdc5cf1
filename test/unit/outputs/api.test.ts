/**
 * The JSON API and the JSON Schemas the portal publishes: every API file validates against
 * its published schema with an independent validator (Ajv, as a consumer would), the record
 * schemas are the generated ones, and all outputs are the same bytes for the same content.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../../../src/cli/schemas/generate.ts';
import {
  API_INDEX_PATH,
  API_NAMES,
  apiDocument,
  apiIndexDocument,
  apiPath,
  apiSchemaPath,
  apiSchemaText,
  dataOutputFiles,
  recordSchemaPath,
  recordSchemaText,
  stableJson,
  type ApiName,
  type OutputContext,
} from '../../../src/model/outputs/index.ts';
import { recordPath } from '../../../src/model/queries/paths.ts';
import { releasePath } from '../../../src/model/queries/releases.ts';
import { RECORD_KINDS } from '../../../src/schema/index.ts';
import { REPO } from '../helpers.ts';
import { fixtureContext, hostileShop, outputContext, sampleContext } from './context.ts';

function validator(name: ApiName | 'index') {
  const ajv = new Ajv({ allErrors: true, strict: true, keywords: ['markdownDescription'] });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(apiSchemaText(name)) as object);
}

async function fileJson(ctx: OutputContext, name: ApiName | 'index'): Promise<unknown> {
  // What the endpoint writes, read back as a consumer reads it.
  return JSON.parse(stableJson(name === 'index' ? apiIndexDocument(ctx) : await apiDocument(ctx, name)));
}

const contexts = {
  sample: () => sampleContext(),
  'valid fixture (no baseUrl)': () => fixtureContext(),
  'hostile fixture': async () => outputContext(await hostileShop()),
};

describe.each(Object.entries(contexts))('the API of the %s', (_, makeContext) => {
  it.each(['index', ...API_NAMES] as const)('%s validates against its published JSON Schema', async (name) => {
    const ctx = await makeContext();
    const validate = validator(name);
    const json = await fileJson(ctx, name);
    expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});

describe('what the API says', () => {
  it('has every record with its page, in a fixed order', async () => {
    const ctx = await sampleContext();
    const releases = await apiDocument(ctx, 'releases');
    expect(releases).toMatchObject({ version: 1, kind: 'releases', generatedAt: '2026-11-24T04:00:00Z', site: { baseUrl: 'https://releases.example.com', locale: 'zh-CN' } });
    expect(releases.items.map((i) => i.ref)).toEqual(
      [...ctx.content.releaseByRef.values()].map((r) => r.ref).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
    for (const item of releases.items) {
      const release = ctx.content.releaseByRef.get(item.ref)!;
      expect(item.path).toBe(releasePath(release.data.service, release.data.version));
      expect(item.url).toBe(`https://releases.example.com${item.path}`);
      expect(item.data).toEqual(release.data);
    }
    const reports = await apiDocument(ctx, 'test-reports');
    expect(reports.items.map((i) => i.path)).toEqual([...ctx.content.testReports].sort((a, b) => (a.file < b.file ? -1 : 1)).map(recordPath));
    const retros = await apiDocument(ctx, 'retrospectives');
    expect(retros.items.map((i) => i.path).sort()).toEqual(ctx.content.retrospectives.map(recordPath).sort());
    const services = await apiDocument(ctx, 'services');
    expect(services.items.map((i) => i.id)).toEqual([...ctx.content.services.keys()].sort());
  });

  it("gives each release its gate: the stage it is in and what keeps it from going live", async () => {
    const releases = await apiDocument(await sampleContext(), 'releases');
    const pending = releases.items.find((i) => i.ref === 'payment-gateway@2.5.0')!;
    expect(pending.gate).toMatchObject({ gated: true, goLive: { allowed: false, stage: 'go-live' } });
    expect(pending.gate!.goLive.blocking).toContain('staging/approvals');
    const item = pending.gate!.stages.flatMap((s) => s.items).find((i) => i.id === 'approvals')!;
    expect(item).toMatchObject({ state: 'failing', holds: false, rule: 'approvals' });
    expect(item.reason.en).toMatch(/no decision from ops/);
    const cancelled = releases.items.find((i) => i.ref === 'order-service@1.9.0')!;
    expect(cancelled.gate).toMatchObject({ gated: false, currentStage: null });
  });

  it('gives test reports their JUnit totals and open bugs', async () => {
    const reports = await apiDocument(await fixtureContext(), 'test-reports');
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0]).toMatchObject({ path: '/test-reports/shop-1.0.0-system/', url: null, release: { ref: 'shop@1.0.0', path: '/releases/shop/1.0.0/', url: null }, openBugs: 0 });
    expect(reports.items[0]!.junit?.tests).toBeGreaterThan(0);
  });

  it('lists every data output in the index', async () => {
    const ctx = await fixtureContext();
    const index = apiIndexDocument(ctx);
    const listed = [
      ...index.api.flatMap((a) => [a.path, a.schema.path]),
      ...index.recordSchemas.map((s) => s.path),
      ...index.feeds.map((f) => f.path),
      ...index.calendars.map((c) => c.path),
      API_INDEX_PATH,
      apiSchemaPath('index'),
    ].sort();
    expect(listed).toEqual([...(await dataOutputFiles(ctx)).keys()].sort());
  });

  it('never carries a Markdown body', async () => {
    const text = stableJson(await apiDocument(await fixtureContext(), 'releases'));
    expect(text).not.toContain('Everything went fine');
  });
});

describe('the published JSON Schemas', () => {
  it('of the record kinds are the generated ones, as committed in schemas/', async () => {
    for (const kind of RECORD_KINDS) {
      const text = recordSchemaText(kind);
      expect(text).toBe(`${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`);
      expect(text).toBe(await readFile(path.join(REPO, 'schemas', `${kind}.schema.json`), 'utf8'));
    }
  });

  it('of the API refuse what is not an API file', () => {
    const validate = validator('releases');
    expect(validate({ version: 2, kind: 'releases', items: [] })).toBe(false);
    const item = { ref: 'a@1', service: 'a', version: '1', title: 'A', status: 'released', path: 'releases/a/1/', url: null, file: 'releases/a.md', gate: null, testReports: [], retrospectives: [], data: {} };
    const doc = { version: 1, kind: 'releases', generatedAt: '2026-01-01T00:00:00Z', site: { title: 'x', locale: 'en', timezone: 'UTC', baseUrl: null }, items: [item] };
    expect(validate(doc)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/items/0/path'); // not root-relative
    expect(paths.some((p) => p.startsWith('/items/0/data'))).toBe(true); // no service, version, process, status
  });

  it('say a duration is minutes and a date-time is text', () => {
    const schema = JSON.parse(apiSchemaText('releases')) as { properties: { items: { items: { properties: { data: { properties: Record<string, { properties?: Record<string, unknown> }> } } } } } };
    const data = schema.properties.items.items.properties.data.properties;
    expect(data['actual']?.properties?.['downtime']).toMatchObject({ type: 'integer', minimum: 0 });
    expect(data['window']?.properties?.['start']).toMatchObject({ type: 'string' });
  });
});

describe('determinism', () => {
  it('builds every output twice from the same content and "now" into the same bytes', async () => {
    const first = await dataOutputFiles(await sampleContext());
    const second = await dataOutputFiles(await sampleContext());
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, text] of first) expect(second.get(file), file).toBe(text);
    expect(first.size).toBe(2 + 2 * 6 + 5 + 5 + 6);
  });

  it('writes JSON with sorted keys', async () => {
    const text = (await dataOutputFiles(await fixtureContext())).get(apiPath('releases'))!;
    const unsorted: string[] = [];
    const visit = (value: unknown, at: string) => {
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}/${i}`));
      else if (typeof value === 'object' && value !== null) {
        const keys = Object.keys(value);
        if (keys.join('\0') !== [...keys].sort().join('\0')) unsorted.push(at);
        for (const key of keys) visit((value as Record<string, unknown>)[key], `${at}/${key}`);
      }
    };
    visit(JSON.parse(text), '');
    expect(unsorted).toEqual([]);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('publishes schema files at /schema/v1/', () => {
    expect(recordSchemaPath('release')).toBe('/schema/v1/release.json');
    expect(apiSchemaPath('releases')).toBe('/schema/v1/api/releases.json');
  });
});
