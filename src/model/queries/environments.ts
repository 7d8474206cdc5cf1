/**
 * The environments of site.environments (开发环境, 测试环境, 预热环境, 生产环境) with the role
 * that owns each, and the environments a release's test reports ran in. A report may name an
 * environment in free text when site.yaml defines none; such names are kept as they are.
 */
import type { Content } from '../content.ts';
import { testReportsOf } from './releases.ts';

export interface EnvironmentRow {
  id: string;
  title: string;
  /** Role key of the owner (site.roles), when the environment has one. */
  owner?: string;
  /** Test reports that ran in it (of the whole site, or of one release). */
  reports: number;
}

function counts(reports: readonly { data: { environment?: string | undefined } }[]): Map<string, number> {
  const byId = new Map<string, number>();
  for (const report of reports) {
    const env = report.data.environment;
    if (env !== undefined) byId.set(env, (byId.get(env) ?? 0) + 1);
  }
  return byId;
}

function row(id: string, title: string, owner: string | undefined, reports: number): EnvironmentRow {
  return owner === undefined ? { id, title, reports } : { id, title, owner, reports };
}

/** Every environment of site.yaml, in its order, with how many test reports ran in each. */
export function siteEnvironments(content: Content): EnvironmentRow[] {
  const used = counts(content.testReports);
  return (content.site?.data.environments ?? []).map((e) => row(e.id, e.title, e.owner, used.get(e.id) ?? 0));
}

/** The environments a release's test reports ran in: site.yaml's order first, then other names alphabetically. */
export function releaseEnvironments(content: Content, ref: string): EnvironmentRow[] {
  const used = counts(testReportsOf(content, ref));
  const defined = content.site?.data.environments ?? [];
  const known = defined.filter((e) => used.has(e.id)).map((e) => row(e.id, e.title, e.owner, used.get(e.id)!));
  const others = [...used.keys()].filter((id) => !defined.some((e) => e.id === id)).sort((a, b) => a.localeCompare(b));
  return [...known, ...others.map((id) => row(id, id, undefined, used.get(id)!))];
}
