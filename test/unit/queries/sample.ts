/** The sample content folder, loaded once for the query tests (the queries are pure: the tests pass "now"). */
import path from 'node:path';
import { DateTime } from 'luxon';
import { loadContent } from '../../../src/model/load.ts';
import type { Content } from '../../../src/model/content.ts';
import { FIXTURES, REPO } from '../helpers.ts';

export const TZ = 'Asia/Shanghai';

let sample: Promise<Content> | undefined;
export function sampleContent(): Promise<Content> {
  sample ??= loadContent(path.join(REPO, 'content')).then(({ content, problems }) => {
    if (problems.length > 0) throw new Error(`sample content has problems: ${problems.length}`);
    return content;
  });
  return sample;
}

export async function fixtureContent(): Promise<Content> {
  return (await loadContent(path.join(FIXTURES, 'valid'))).content;
}

export const at = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });
