/**
 * `bug-gate`: in the latest report of each test stage, open bugs (`open` + `fixed`) of each
 * severity are within `site.bugGate`, and no A or B issue ships unresolved (spec: "Rules").
 *
 * Readings of the spec made here:
 * - a bug id listed in several latest reports counts once, as open when any of them lists it
 *   open or fixed, at the most severe severity written (the spec counts across those reports,
 *   it does not order them);
 * - `bugCounts` have no ids, so their open counts add up as written;
 * - a deferred A/B bug fails the gate even when it is missing from knownIssues (that omission
 *   is reported on its own by the deferred-bugs rule).
 */
import { SEVERITIES, type Severity } from '../../schema/index.ts';
import type { TestReportRecord } from '../content.ts';
import { latestReportPerStage, reportEvidence, reportLabel } from './latest-reports.ts';
import type { RuleInput } from './rule-input.ts';
import { count, joinList, joinReasons, say } from './text.ts';
import type { Localized, RuleResult } from './types.ts';

/** The spec's defaults, used when site.yaml is broken (another problem reports that). */
const DEFAULT_LIMITS: Partial<Record<Severity, number>> = { A: 0, B: 0, C: 5 };
const rank = (s: Severity): number => SEVERITIES.indexOf(s);

export interface ListedBug {
  id: string;
  severity: Severity;
  report: TestReportRecord;
}

/** Open (or deferred) bugs of the latest reports, each id once at its most severe severity. */
function uniqueBugs(reports: readonly TestReportRecord[], statuses: ReadonlySet<string>): ListedBug[] {
  const byId = new Map<string, ListedBug>();
  for (const report of reports) {
    for (const bug of report.data.bugs ?? []) {
      if (!statuses.has(bug.status)) continue;
      const seen = byId.get(bug.id);
      if (!seen) byId.set(bug.id, { id: bug.id, severity: bug.severity, report });
      else if (rank(bug.severity) < rank(seen.severity)) seen.severity = bug.severity;
    }
  }
  return [...byId.values()];
}

const OPEN = new Set(['open', 'fixed']);
const DEFERRED = new Set(['deferred']);

const bugEntry = (bug: ListedBug): Localized => {
  const where = reportLabel(bug.report);
  return say(`${bug.id} (${where.en})`, `${bug.id}(${where['zh-CN']})`);
};

/** Open bugs of one severity in the latest report of each test stage, against site.bugGate. */
export interface SeverityTally {
  severity: Severity;
  /** Listed bugs (each id once) plus the open counts of bugCounts. */
  open: number;
  /** site.bugGate for this severity; undefined means unlimited. */
  limit?: number;
  within: boolean;
  listed: ListedBug[];
  counted: { n: number; report: TestReportRecord }[];
}

/** Open bugs per severity (A first) as the gate counts them, from the given latest reports. */
function tallyOpenBugs(content: RuleInput['content'], reports: readonly TestReportRecord[]): SeverityTally[] {
  const limits = content.site?.data.bugGate ?? DEFAULT_LIMITS;
  const open = uniqueBugs(reports, OPEN);
  return SEVERITIES.map((severity) => {
    const listed = open.filter((b) => b.severity === severity);
    const counted = reports.flatMap((report) => {
      const n = report.data.bugCounts?.[severity]?.open ?? 0;
      return n > 0 ? [{ n, report }] : [];
    });
    const total = listed.length + counted.reduce((sum, c) => sum + c.n, 0);
    const limit = limits[severity];
    const tally: SeverityTally = { severity, open: total, within: limit === undefined || total <= limit, listed, counted };
    if (limit !== undefined) tally.limit = limit;
    return tally;
  });
}

/** The bug gate of a release with its per-severity tally: what the rule decides and what a page shows. */
export function bugGateOf(content: RuleInput['content'], release: RuleInput['release'], timezone: string): RuleResult & { tallies: SeverityTally[] } {
  const reports = latestReportPerStage(content, release.ref, timezone);
  const tallies = tallyOpenBugs(content, reports);
  const failures: Localized[] = [];
  const tally: string[] = [];

  for (const { severity, open: total, limit, within, listed, counted } of tallies) {
    tally.push(limit === undefined ? `${severity} ${total}` : `${severity} ${total}/${limit}`);
    if (within) continue;
    const entries = [
      ...listed.map(bugEntry),
      ...counted.map(({ n, report }) => {
        const where = reportLabel(report);
        return say(`${n} counted in ${where.en}`, `${where['zh-CN']} 计 ${n} 个`);
      }),
    ];
    const list = joinList(entries);
    failures.push(
      say(
        `${count(total, `open ${severity} bug`)} (limit ${limit}): ${list.en}`,
        `${total} 个 ${severity} 级未关闭缺陷(上限 ${limit})：${list['zh-CN']}`,
      ),
    );
  }

  // What ships unresolved at A or B: known issues, and deferred bugs not (yet) among them.
  const shipping: Localized[] = release.data.knownIssues
    .filter((k) => k.severity === 'A' || k.severity === 'B')
    .map((k) => {
      const ticket = k.ticket ? `, ${k.ticket}` : '';
      return say(`known issue ${k.title} (${k.severity}${ticket})`, `遗留问题 ${k.title}(${k.severity}${ticket})`);
    });
  const tickets = new Set(release.data.knownIssues.map((k) => k.ticket));
  for (const bug of uniqueBugs(reports, DEFERRED)) {
    if ((bug.severity === 'A' || bug.severity === 'B') && !tickets.has(bug.id)) {
      const where = reportLabel(bug.report);
      shipping.push(say(`deferred ${bug.severity} bug ${bug.id} (${where.en})`, `延期的 ${bug.severity} 级缺陷 ${bug.id}(${where['zh-CN']})`));
    }
  }
  if (shipping.length > 0) {
    const list = joinList(shipping);
    failures.push(
      say(
        `${count(shipping.length, 'A/B issue')} would ship unresolved: ${list.en}`,
        `${shipping.length} 个 A、B 级问题将带着上线：${list['zh-CN']}`,
      ),
    );
  }

  const evidence = reports.map(reportEvidence);
  if (failures.length > 0) return { passes: false, reason: joinReasons(failures), evidence, tallies };
  if (reports.length === 0) {
    return { passes: true, reason: say('no test report records open bugs', '没有测试报告记录未关闭缺陷'), evidence, tallies };
  }
  const limitsText = tally.join(', ');
  return {
    passes: true,
    reason: say(
      `open bugs within site.bugGate (${limitsText}) in the latest report of each test stage`,
      `各测试阶段最新报告的未关闭缺陷在阈值内(${limitsText})`,
    ),
    evidence,
    tallies,
  };
}

export function bugGate({ content, release, timezone }: RuleInput): RuleResult {
  const { tallies: _tallies, ...result } = bugGateOf(content, release, timezone);
  return result;
}
