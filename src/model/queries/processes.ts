/** Questions about release processes: which stage a release is in, who follows a process. */
import type { Content, ProcessRecord, ReleaseRecord } from '../content.ts';
import type { Stage } from '../../schema/index.ts';
import type { ReleaseStatus } from '../../schema/index.ts';
import { pagePath } from './paths.ts';
import { byWindowNewestFirst } from './releases.ts';

/** The stage whose `statuses` claims `status` (none for `cancelled`). */
export function stageOfStatus(process: ProcessRecord | undefined, status: ReleaseStatus): Stage | undefined {
  return process?.data.stages.find((stage) => stage.statuses.includes(status));
}

/** A release's current stage: the stage of its process that claims its status. */
export function currentStage(content: Content, release: ReleaseRecord): Stage | undefined {
  return stageOfStatus(content.processes.get(release.data.process), release.data.status);
}

/** Processes in title order (a stable order for the index and the home page). */
export function processesByTitle(content: Content): ProcessRecord[] {
  return [...content.processes.values()].sort((a, b) => a.data.title.localeCompare(b.data.title) || a.id.localeCompare(b.id));
}

/** Releases that follow a process, newest window first. */
export function releasesFollowing(content: Content, processId: string, timezone: string): ReleaseRecord[] {
  return byWindowNewestFirst([...content.releaseByRef.values()].filter((r) => r.data.process === processId), timezone);
}

/** The anchor of a stage on its process page. */
export function stageAnchor(stageId: string): string {
  return `stage-${stageId}`;
}

export function processPath(processId: string): string {
  return `/processes/${encodeURIComponent(processId)}/`;
}

/**
 * Releases per page of a process's release list (fewer than a service's: the list sits below the
 * process's flow, stages and guide). The process page listed every release that
 * follows it: at 10,000 releases the standard process page was about 10 MB of HTML.
 */
export const PROCESS_RELEASES_PER_PAGE = 50;

/** Page `page` of a process's releases: the process page, then `/processes/<id>/2/`, … */
export function processReleasesPath(processId: string, page: number): string {
  return pagePath(processPath(processId), page);
}
