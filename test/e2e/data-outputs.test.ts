/**
 * The data outputs in real builds (the sample, with site.baseUrl; the `valid` fixture, without):
 * every file is in dist and is what src/model/outputs builds, it parses (Atom, iCalendar, JSON
 * valid against the JSON Schema the site publishes), every URL inside it resolves to a file
 * of the build, and the pages link to them.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, inject, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { loadContent } from '../../src/model/load.ts';
import { API_INDEX_PATH, apiSchemaPath, CALENDAR_PATH, dataOutputFiles, FEED_PATH, type OutputContext } from '../../src/model/outputs/index.ts';
import { readPage } from '../../src/model/verify/index.ts';
import { REPO } from '../unit/helpers.ts';
import { SITES, type SiteName } from './build-sites.ts';

const BASE_URL: Record<SiteName, string | undefined> = { sample: 'https://releases.example.com', fixture: undefined };

async function outputs(name: SiteName): Promise<Map<string, string>> {
  const { content } = await loadContent(path.join(REPO, SITES[name]));
  const site = content.site!.data;
  const ctx: OutputContext = { content, site, locale: site.locale, timezone: site.timezone, t: translator(site.locale), now: DateTime.now().setZone(site.timezone) };
  return dataOutputFiles(ctx);
}

/** What changes with the build's "now": the API's generatedAt and the calendars' DTSTAMP (and an empty feed's updated). */
const withoutNow = (text: string) =>
  text
    .replace(/"generatedAt": "[^"]*"/g, '"generatedAt": "…"')
    .replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:…')
    .replace(/^ {4}<updated>.*<\/updated>$/m, '    <updated>…</updated>');

/** The file a site path is served from, or undefined when the build did not write it. */
async function served(dist: string, sitePath: string): Promise<string | undefined> {
  const decoded = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
  const file = path.join(dist, decoded.endsWith('/') ? `${decoded}index.html` : decoded);
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
}

/** A URL from an output as a site path: root-relative as written, or absolute under the site's baseUrl. */
function sitePathOf(url: string, baseUrl: string | undefined): string | undefined {
  if (url.startsWith('/')) return url;
  if (baseUrl && url.startsWith(`${baseUrl}/`)) return url.slice(baseUrl.length);
  return undefined; // another site (a dashboard, a wiki page): not ours to check
}

/** Every `path` and `url` value (and root-relative `href`) the portal wrote in a JSON document (not inside a record's own `data`). */
function jsonLinks(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) jsonLinks(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'data') continue;
      if ((key === 'path' || key === 'url' || key === 'href') && typeof v === 'string' && (key !== 'href' || v.startsWith('/'))) out.push(v);
      else jsonLinks(v, out);
    }
  }
  return out;
}

describe.each(Object.keys(SITES) as SiteName[])('the data outputs of the %s build', (name) => {
  const dist = inject(`site:${name}`);
  const baseUrl = BASE_URL[name];
  const read = (sitePath: string) => readFile(path.join(dist, sitePath), 'utf8');

  it('writes every output, as src/model/outputs builds it', async () => {
    const expected = await outputs(name);
    expect(expected.size).toBeGreaterThan(20);
    for (const [sitePath, text] of expected) {
      const built = await read(sitePath).catch(() => undefined);
      expect(built, `${sitePath} is missing from the build`).toBeDefined();
      expect(withoutNow(built!), sitePath).toBe(withoutNow(text));
    }
  });

  it('writes Atom feeds that parse, with links to built pages', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (tag) => ['entry', 'link'].includes(tag) });
    for (const sitePath of [...(await outputs(name)).keys()].filter((p) => p.endsWith('/feed.xml'))) {
      const xml = await read(sitePath);
      expect(XMLValidator.validate(xml), sitePath).toBe(true);
      const feed = (parser.parse(xml) as { feed: { id: string; link: { '@_href': string }[]; entry?: { id: string; link: { '@_href': string }[] }[] } }).feed;
      expect(feed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      const links = [...feed.link, ...(feed.entry ?? []).flatMap((e) => e.link)].map((l) => l['@_href']);
      for (const link of links) {
        if (baseUrl) expect(link.startsWith(`${baseUrl}/`), link).toBe(true);
        else expect(link.startsWith('/'), link).toBe(true);
        expect(await served(dist, sitePathOf(link, baseUrl)!), `${sitePath} links to ${link}`).toBeDefined();
      }
    }
    expect((await read(FEED_PATH)).match(/<entry>/g)?.length).toBeGreaterThan(0);
  });

  it('writes calendars that parse, with page URLs under the baseUrl only', async () => {
    for (const sitePath of [...(await outputs(name)).keys()].filter((p) => p.endsWith('.ics'))) {
      const text = await read(sitePath);
      const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
      for (const vevent of calendar.getAllSubcomponents('vevent')) {
        expect(new ICAL.Event(vevent).startDate.zone?.tzid ?? 'floating', sitePath).toMatch(/^(UTC|floating)$/);
        const url = vevent.getFirstPropertyValue('url') as string | null;
        if (!baseUrl) expect(url).toBeNull();
        else expect(await served(dist, sitePathOf(url!, baseUrl)!), `${sitePath}: ${url}`).toBeDefined();
      }
    }
    expect(new ICAL.Component(ICAL.parse(await read(CALENDAR_PATH)) as unknown[]).getAllSubcomponents('vevent').length).toBeGreaterThan(0);
  });

  it('writes API files that validate against the schemas the site publishes, with paths of built files', async () => {
    const index = JSON.parse(await read(API_INDEX_PATH)) as { api: { name: string; path: string; schema: { path: string } }[] };
    const files = [{ path: API_INDEX_PATH, schema: apiSchemaPath('index') }, ...index.api.map((a) => ({ path: a.path, schema: a.schema.path }))];
    expect(files).toHaveLength(5);
    for (const file of files) {
      const ajv = new Ajv({ allErrors: true, strict: true, keywords: ['markdownDescription'] });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(await read(file.schema)) as object);
      const json = JSON.parse(await read(file.path)) as unknown;
      expect(validate(json), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      for (const link of jsonLinks(json)) {
        if (link.startsWith('/')) expect(await served(dist, link), `${file.path} names ${link}`).toBeDefined();
        else if (baseUrl) expect(await served(dist, sitePathOf(link, baseUrl) ?? '/no-such-site-path'), `${file.path} names ${link}`).toBeDefined();
      }
    }
  });

  it('links the outputs from every page: the feed in <head>, calendar · feed · API in the footer', async () => {
    const t = translator(name === 'sample' ? 'zh-CN' : 'en');
    const home = await read('index.html');
    const facts = readPage(home);
    const hrefs = facts.links.map((l) => `${l.element} ${l.url}`);
    expect(hrefs).toContain('link /feed.xml');
    expect(hrefs).toEqual(expect.arrayContaining(['a /calendar.ics', 'a /feed.xml', 'a /api/v1/index.json']));
    expect(home).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/feed.xml">`));
    expect(home).toContain(t('data.subscribe'));
    const id = name === 'sample' ? 'payment-gateway' : 'shop';
    const service = readPage(await read(`services/${id}/index.html`));
    expect(service.links.map((l) => `${l.element} ${l.url}`)).toEqual(
      expect.arrayContaining([`link /services/${id}/feed.xml`, `a /services/${id}/feed.xml`, `a /services/${id}/calendar.ics`]),
    );
  });
});
