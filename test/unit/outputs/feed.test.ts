/** The Atom feeds (src/model/outputs/feed.ts), parsed back as XML. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { releaseFeed, releaseUuid } from '../../../src/model/outputs/index.ts';
import { releasePath } from '../../../src/model/queries/releases.ts';
import { fixtureContext, HOSTILE_SUMMARY, HOSTILE_TITLE, hostileShop, outputContext, sampleContext } from './context.ts';

interface Link { '@_href': string; '@_rel'?: string }
interface Entry {
  id: string;
  title: { '#text': string; '@_type': string };
  link: Link[];
  updated: string;
  published: string;
  summary: { '#text': string };
  category: { '@_term': string }[];
}
interface AtomFeed { '@_xmlns': string; id: string; title: string; updated: string; link: Link[]; author: { name: string }; entry?: Entry[] }

function parseFeed(xml: string): AtomFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'link', 'category'].includes(name) });
  return (parser.parse(xml) as { feed: AtomFeed }).feed;
}

const decodeHtml = (html: string) =>
  html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

describe('the feed of every release, on the sample (site.baseUrl set)', () => {
  it('is an Atom feed with one entry per release that has a window, newest window first', async () => {
    const ctx = await sampleContext();
    const feed = parseFeed(releaseFeed(ctx));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('交付中心发布门户 · 发布动态');
    const withWindow = [...ctx.content.releaseByRef.values()].filter((r) => r.data.window || r.data.actual);
    expect(feed.entry).toHaveLength(withWindow.length);
    // order-service@1.9.0 was cancelled before it had a window: not in the feed.
    expect(withWindow.map((r) => r.ref)).not.toContain('order-service@1.9.0');
    const published = feed.entry!.map((e) => Date.parse(e.published));
    expect(published).toEqual([...published].sort((a, b) => b - a));
    expect(feed.entry![0]!.title['#text']).toBe('web-portal@5.1.0 · 商户门户 5.1.0 · 测试中');
  });

  it('gives each entry a urn:uuid id from service@version, an absolute link to its page and its categories', async () => {
    const ctx = await sampleContext();
    const feed = parseFeed(releaseFeed(ctx));
    for (const entry of feed.entry!) {
      const release = [...ctx.content.releaseByRef.values()].find((r) => entry.id === `urn:uuid:${releaseUuid(r.ref)}`);
      expect(release, entry.id).toBeDefined();
      expect(entry.link[0]!['@_href']).toBe(`https://releases.example.com${releasePath(release!.data.service, release!.data.version)}`);
      expect(entry.category.map((c) => c['@_term'])).toEqual([release!.data.service, release!.data.status, release!.data.type]);
      expect(entry.summary['#text']).not.toContain('<script');
    }
    expect(feed.link).toEqual([
      { '@_rel': 'alternate', '@_href': 'https://releases.example.com/' },
      { '@_rel': 'self', '@_href': 'https://releases.example.com/feed.xml' },
    ]);
    // The feed is as new as its newest entry: no build time in it.
    expect(feed.updated).toBe(feed.entry!.map((e) => e.updated).sort().at(-1));
  });

  it('a service feed has only that service, with the same entry ids', async () => {
    const ctx = await sampleContext();
    const all = parseFeed(releaseFeed(ctx)).entry!;
    const feed = parseFeed(releaseFeed(ctx, { service: 'payment-gateway' }));
    expect(feed.title).toBe('支付网关 · 发布动态');
    expect(feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe('https://releases.example.com/services/payment-gateway/feed.xml');
    const ids = feed.entry!.map((e) => e.id);
    expect(ids).toEqual(all.filter((e) => e.category[0]!['@_term'] === 'payment-gateway').map((e) => e.id));
    expect(ids).toHaveLength(5);
  });

  it('does not depend on "now": the same content gives the same bytes on any day', async () => {
    const a = releaseFeed(await sampleContext('2026-11-24T12:00:00+08:00'));
    const b = releaseFeed(await sampleContext('2027-06-01T00:00:00Z'));
    expect(b).toBe(a);
    expect(releaseFeed(await sampleContext())).toBe(a);
  });
});

describe('feeds without site.baseUrl (the valid fixture)', () => {
  it('link root-relative, which Atom resolves against the feed URL, and keep urn:uuid ids', async () => {
    const xml = releaseFeed(await fixtureContext());
    const feed = parseFeed(xml);
    expect(feed.link).toEqual([
      { '@_rel': 'alternate', '@_href': '/' },
      { '@_rel': 'self', '@_href': '/feed.xml' },
    ]);
    expect(feed.entry!.map((e) => [e.id, e.link[0]!['@_href']])).toEqual([[`urn:uuid:${releaseUuid('shop@1.0.0')}`, '/releases/shop/1.0.0/']]);
    expect(xml).not.toContain('.invalid');
  });

  it('an entry id does not change when a baseUrl is added', async () => {
    const root = await hostileShop();
    const without = parseFeed(releaseFeed(await outputContext(root)));
    const site = `title: Fixture portal\nlocale: en\ntimezone: Asia/Shanghai\nbaseUrl: https://rel.example.org/portal/\nroles: { dev: Developer, lead: Tech lead, qa: Tester, ops: Operations }\nenvironments:\n  - { id: test, title: Test, owner: qa }\n`;
    const withBase = parseFeed(releaseFeed(await outputContext(await hostileShop({ 'site.yaml': site }))));
    expect(withBase.entry!.map((e) => e.id)).toEqual(without.entry!.map((e) => e.id));
    expect(withBase.entry!.map((e) => e.link[0]!['@_href'])).toEqual(without.entry!.map((e) => `https://rel.example.org/portal${e.link[0]!['@_href']}`));
  });
});

describe('record text in a feed', () => {
  it('is escaped: titles and summaries read as written, no record text becomes markup or breaks the XML', async () => {
    const xml = releaseFeed(await outputContext(await hostileShop()));
    const feed = parseFeed(xml);
    const entry = feed.entry!.find((e) => e.id === `urn:uuid:${releaseUuid('shop@0.9.0')}`)!;
    expect(entry.title['@_type']).toBe('html');
    // The control character is dropped; the rest is HTML text that shows the title literally.
    expect(decodeHtml(entry.title['#text'])).toBe(`shop@0.9.0 · ${HOSTILE_TITLE} · Cancelled`);
    expect(entry.title['#text']).not.toMatch(/<|>/);
    expect(entry.summary['#text']).toContain(`<p>${HOSTILE_SUMMARY.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')}</p>`);
    expect(entry.summary['#text']).not.toContain('<b>');
    expect(xml).not.toContain('\u0001');
  });

  it('never carries the Markdown body', async () => {
    const xml = releaseFeed(await fixtureContext());
    expect(xml).not.toContain('Everything went fine');
    expect(xml).not.toContain('Minutes');
  });
});
