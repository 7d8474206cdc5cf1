/** What every rule across records gets: the content and one way to report a problem. */
import type { AnyRecord, Content } from '../content.ts';
import { problem, type PathSegment, type Problem } from '../problem.ts';

export interface RuleContext {
  content: Content;
  timezone: string;
  /** Role keys of site.yaml; undefined when site.yaml is broken (role checks are skipped then). */
  roles: Set<string> | undefined;
  report(record: AnyRecord, path: readonly PathSegment[], message: string, hint?: string): void;
  /** Reports at the key `key` of the mapping at `path` (a wrong key rather than a wrong value). */
  reportKey(record: AnyRecord, path: readonly PathSegment[], key: string, message: string, hint?: string): void;
  problems: Problem[];
}

export type Rule = (ctx: RuleContext) => void | Promise<void>;

export function createContext(content: Content): RuleContext {
  const problems: Problem[] = [];
  const roles = content.site ? new Set(Object.keys(content.site.data.roles)) : undefined;
  return {
    content,
    timezone: content.site?.data.timezone ?? 'UTC',
    roles,
    problems,
    report(record, path, message, hint) {
      problems.push(problem(record.file, record.source.at(path), path, message, hint));
    },
    reportKey(record, path, key, message, hint) {
      problems.push(problem(record.file, record.source.keyAt(path, key), [...path, key], message, hint));
    },
  };
}
