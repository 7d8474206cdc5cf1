/**
 * What `npm run new` fills in by itself, from the content folder. Each proposal is a plain
 * function of the loaded records, so the rules are tested without a terminal:
 *
 * - version: versions.ts (minor bump after the service's last release; patch for a hotfix);
 * - process: for a hotfix, the first process (by id) whose id or title says "hotfix"; for
 *   another type, the first whose id or title names the type (standard, temporary), else
 *   the first that does not say "hotfix"; else the first process;
 * - people: copied from the service's last release (highest version) that names any;
 * - rollback target (baseline.previous): the version in production (highest released one);
 * - test round: one more than the highest round of the release's reports of that stage;
 * - tester, facilitator, participants: the release's people (qa; lead; everyone);
 * - dates: today in site.timezone (or SHIPLOG_NOW, as for the portal).
 */
import type { DateTime } from 'luxon';
import type { Content, ProcessRecord, ReleaseRecord } from '../../model/content.ts';
import type { ReleaseType } from '../../schema/index.ts';
import { now } from '../../portal/now.ts';

const mentions = (p: ProcessRecord, word: string) => new RegExp(word, 'i').test(`${p.id} ${p.data.title}`);

export function processFor(type: ReleaseType, processes: ReadonlyMap<string, ProcessRecord>): ProcessRecord | undefined {
  const all = [...processes.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (type === 'hotfix') return all.find((p) => mentions(p, 'hotfix')) ?? all[0];
  return all.find((p) => mentions(p, type)) ?? all.find((p) => !mentions(p, 'hotfix')) ?? all[0];
}

/** The people of a release, in the order of site.roles (roles the site no longer has are dropped). */
export function peopleOf(release: ReleaseRecord | undefined, roles: Readonly<Record<string, string>>): [string, string][] {
  if (!release) return [];
  const people = release.data.people;
  return Object.keys(roles).flatMap((role): [string, string][] => (people[role] ? [[role, people[role]]] : []));
}

export function nextRound(content: Content, ref: string, stage: string): number {
  let highest = 0;
  for (const report of content.testReports) {
    if (report.data.release === ref && report.data.stage === stage) highest = Math.max(highest, report.data.round ?? 1);
  }
  return highest + 1;
}

/** A role key of the site for a part in a template: the key itself when the site has it, else the first role. */
export function roleFor(wanted: string, roles: Readonly<Record<string, string>>): string {
  return wanted in roles ? wanted : (Object.keys(roles)[0] ?? wanted);
}

/** How a retrospective's outcome reads from its release's status, when it can be told. */
export function outcomeFor(release: ReleaseRecord | undefined): 'success' | 'rolled-back' | undefined {
  if (release?.data.status === 'released') return 'success';
  if (release?.data.status === 'rolled-back') return 'rolled-back';
  return undefined;
}

/** Today in the site's time zone (SHIPLOG_NOW pins it, as for the portal). */
export function today(timezone: string, env: NodeJS.ProcessEnv = process.env): DateTime {
  return now(timezone, env).startOf('day');
}
