/**
 * Every diagram the builders make for a content folder: each process flow, each release's
 * flow (with blocking items), deploy order and rollback, and the calendar of every month
 * with a window. The unit tests parse them with mermaid; the browser test draws them.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../../src/model/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import {
  calendarGantt,
  calendarOutline,
  deployOrderFlow,
  deployOrderOutline,
  processFlow,
  processFlowOutline,
  releaseFlow,
  releaseFlowOutline,
  rollbackFlow,
  rollbackFlowOutline,
  type BlockingItems,
  type DiagramLocale,
} from '../../../src/model/diagrams/index.ts';
import type { Content } from '../../../src/model/content.ts';
import { toDateTime } from '../../../src/model/time.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const HOSTILE = path.join(REPO, 'test/fixtures/diagrams-hostile');
export const SAMPLE = path.join(REPO, 'content');

export interface Sample {
  /** Unique, for test names: `process:standard`, `deploy:payment-gateway@2.3.0`… */
  name: string;
  kind: 'process' | 'release' | 'deploy' | 'rollback' | 'calendar';
  title: string;
  source: string;
  alt: string[];
  locale: DiagramLocale;
}

export async function loadValid(root: string): Promise<Content> {
  const { content, problems } = await loadContent(root);
  if (problems.length > 0) throw new Error(`${root} has problems:\n${problems.map(formatProblem).join('\n')}`);
  return content;
}

/** Blocking items for a release: every checklist item of its current stage that is not done (a stand-in for the gate module). */
export function blockingOf(content: Content, ref: string): BlockingItems[] {
  const release = content.releaseByRef.get(ref)!.data;
  const process = content.processes.get(release.process)!.data;
  const stage = process.stages.find((s) => s.statuses.includes(release.status));
  if (!stage) return [];
  const items = stage.checklist.filter((item) => release.checklist[item.id] === undefined).map((item) => item.text);
  return items.length > 0 ? [{ stageId: stage.id, items }] : [];
}

export function samplesOf(content: Content): Sample[] {
  const site = content.site!.data;
  const locale = site.locale;
  const roles = site.roles;
  const out: Sample[] = [];
  for (const [id, process] of content.processes) {
    out.push({
      name: `process:${id}`, kind: 'process', title: process.data.title, locale,
      source: processFlow(process.data, roles, { locale }), alt: processFlowOutline(process.data, roles, { locale }),
    });
  }
  for (const release of content.releaseByRef.values()) {
    const process = content.processes.get(release.data.process)!.data;
    const options = { locale, roles, blocking: blockingOf(content, release.ref) };
    out.push({
      name: `release:${release.ref}`, kind: 'release', title: release.data.title ?? release.ref, locale,
      source: releaseFlow(process, release.data, options), alt: releaseFlowOutline(process, release.data, options),
    });
    const plan = release.data.plan;
    if (plan && plan.components.length > 0) {
      out.push({
        name: `deploy:${release.ref}`, kind: 'deploy', title: release.data.title ?? release.ref, locale,
        source: deployOrderFlow(plan, { locale }), alt: deployOrderOutline(plan, { locale }),
      });
    }
    if (plan?.rollback?.steps.length) {
      out.push({
        name: `rollback:${release.ref}`, kind: 'rollback', title: release.data.title ?? release.ref, locale,
        source: rollbackFlow(release.data, { locale }), alt: rollbackFlowOutline(release.data, { locale }),
      });
    }
  }
  const serviceNames = Object.fromEntries([...content.services].map(([id, s]) => [id, s.data.name]));
  const months = new Set<string>();
  for (const r of content.releases) {
    const start = r.data.window?.start ?? r.data.actual?.start;
    if (start) months.add(toDateTime(start, site.timezone).setZone(site.timezone).toFormat('yyyy-MM'));
  }
  const releases = content.releases.map((r) => r.data);
  for (const month of [...months].sort()) {
    const options = { locale, serviceNames };
    out.push({
      name: `calendar:${month}`, kind: 'calendar', title: month, locale,
      source: calendarGantt(releases, month, site.timezone, options), alt: calendarOutline(releases, month, site.timezone, options),
    });
  }
  return out;
}
