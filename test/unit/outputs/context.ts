/**
 * Output contexts for the data-output tests: a content folder loaded with a pinned "now", as
 * the endpoints get it from pageContext(). `hostileShop` adds releases whose text tries to
 * break out of XML, HTML and iCalendar, a cancelled release with a window, and a window given
 * as dates alone, to the `valid` fixture (which has no site.baseUrl).
 */
import path from 'node:path';
import { DateTime } from 'luxon';
import { translator } from '../../../src/i18n/index.ts';
import { loadContent } from '../../../src/model/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import type { OutputContext } from '../../../src/model/outputs/index.ts';
import { fixtureCopy, FIXTURES, record, REPO } from '../helpers.ts';

export const NOW = '2026-11-24T12:00:00+08:00';

export async function outputContext(root: string, now = NOW): Promise<OutputContext> {
  const { content, problems } = await loadContent(root);
  if (problems.length > 0) throw new Error(`${root} has problems:\n${problems.map(formatProblem).join('\n')}`);
  const site = content.site!.data;
  return { content, site, locale: site.locale, timezone: site.timezone, t: translator(site.locale), now: DateTime.fromISO(now, { setZone: true }).setZone(site.timezone) };
}

export const sampleContext = (now = NOW) => outputContext(path.join(REPO, 'content'), now);
export const fixtureContext = (now = NOW) => outputContext(path.join(FIXTURES, 'valid'), now);

/** A title and summary that try every escape: markup, CDATA end, entities, iCalendar separators, a control character. */
export const HOSTILE_TITLE = 'Shop <script>alert(1)</script> & ]]> "q"; a,b \\ end';
export const HOSTILE_SUMMARY = 'Line one\nline two; with, separators <b>bold</b> &amp;';

export async function hostileShop(patch: Record<string, string | null> = {}): Promise<string> {
  return fixtureCopy('valid', {
    'releases/shop/0.9.0.md': record(`
service: shop
version: "0.9.0"
title: ${JSON.stringify(`${HOSTILE_TITLE}\u0001`)}
process: standard
status: cancelled
summary: ${JSON.stringify(HOSTILE_SUMMARY)}
window: { start: 2026-02-01T22:00:00+08:00, end: 2026-02-01T23:00:00+08:00 }
`),
    'releases/shop/1.2.0.md': record(`
service: shop
version: "1.2.0"
process: standard
status: planned
window: { start: 2026-04-01, end: 2026-04-02 }
`),
    ...patch,
  });
}
