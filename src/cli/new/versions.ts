/**
 * The next version of a service, proposed from its releases.
 *
 * Versions are compared as semver (a two-part version such as 3.10 reads as 3.10.0; versions
 * that are not semver are skipped). A release proposes a minor bump of the service's highest
 * version, whatever its status (it may still be on its way); a hotfix proposes a patch bump of
 * the version in production — the highest released one — or of the highest version when none
 * went out yet. semver's rules apply (1.5.0-beta.1 -> 1.5.0 for either). The proposal keeps
 * the style of the base version (3.10 -> 3.11) and is bumped again while that version exists.
 */
import semver from 'semver';
import type { ReleaseRecord } from '../../model/content.ts';

export type Bump = 'minor' | 'patch';

/** A version as semver, reading `3.10` as 3.10.0; undefined when it is not semver. */
export function asSemver(version: string): semver.SemVer | undefined {
  const exact = semver.parse(version);
  if (exact) return exact;
  const twoPart = /^(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/.exec(version);
  return twoPart ? (semver.parse(`${twoPart[1]}.${twoPart[2]}.0${twoPart[3] ?? ''}`) ?? undefined) : undefined;
}

/** The service's release with the highest semver version among those `which` accepts. */
export function lastRelease(
  releases: readonly ReleaseRecord[],
  service: string,
  which: (release: ReleaseRecord) => boolean = () => true,
): ReleaseRecord | undefined {
  let best: { release: ReleaseRecord; version: semver.SemVer } | undefined;
  for (const release of releases) {
    if (release.data.service !== service || !which(release)) continue;
    const version = asSemver(release.data.version);
    if (version && (!best || semver.gt(version, best.version))) best = { release, version };
  }
  return best?.release;
}

/** The release in production: the highest released version of the service. */
export const inProduction = (release: ReleaseRecord): boolean => release.data.status === 'released';

/** The version after `last` for a bump, skipping versions in `taken`; undefined when `last` is not semver. */
export function proposeVersion(last: string, bump: Bump, taken: ReadonlySet<string> = new Set()): string | undefined {
  const start = asSemver(last);
  if (!start) return undefined;
  const twoPart = !semver.parse(last) && bump === 'minor';
  let current: semver.SemVer = start;
  for (let guard = 0; guard < 100; guard += 1) {
    const next: string | null = semver.inc(current, bump);
    const parsed = next === null ? null : semver.parse(next);
    if (!parsed) return undefined;
    const shown = twoPart ? `${parsed.major}.${parsed.minor}` : parsed.version;
    if (!taken.has(shown)) return shown;
    current = parsed;
  }
  return undefined;
}
