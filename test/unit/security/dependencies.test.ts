/**
 * Dependency hygiene that `npm audit` cannot promise offline: no js-yaml older than 4.1.1
 * anywhere in the lockfile (4.1.0 and below allow prototype pollution through `__proto__`
 * in merge keys, GHSA-mh29-5h37-fv8m; Astro reads frontmatter with js-yaml).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, { version?: string; link?: boolean }>;
}

/** Every installed copy of `name` in a v2/v3 lockfile: its path and version. */
function copiesOf(lock: Lockfile, name: string): [string, string][] {
  return Object.entries(lock.packages)
    .filter(([where, entry]) => where.endsWith(`node_modules/${name}`) && !entry.link)
    .map(([where, entry]) => [where, entry.version ?? '?']);
}

describe('package-lock.json', () => {
  it('has no js-yaml below 4.1.1', async () => {
    const lock = JSON.parse(await readFile(path.join(REPO, 'package-lock.json'), 'utf8')) as Lockfile;
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const copies = copiesOf(lock, 'js-yaml');
    expect(copies.length).toBeGreaterThan(0); // Astro brings it: if it goes, this test should be revisited
    const old = copies.filter(([, version]) => !semver.valid(version) || semver.lt(version, '4.1.1'));
    expect(old).toEqual([]);
  });
});
