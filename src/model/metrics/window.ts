/**
 * Planned-window adherence and downtime, from each deployment's `window` (上线时间, the
 * planned window) and `actual` (what happened).
 *
 * - A deployment kept its window when it started no earlier than `window.start` and ended
 *   no later than `window.end` (a date alone as the end means the end of that day). One
 *   without `actual.end` cannot be judged and is listed as not measured.
 * - Downtime is `actual.downtime` (服务中断时长). A deployment that does not record it is
 *   listed as not recorded: it is not taken as zero (write `downtime: 0` for none).
 */
import type { Deployment } from './deployments.ts';
import { endInstant, instant } from './deployments.ts';

const minutesAfter = (a: { toMillis(): number }, b: { toMillis(): number }) => Math.max(0, Math.ceil((b.toMillis() - a.toMillis()) / 60_000));

export interface WindowCheck {
  deployment: Deployment;
  /** undefined: not measured (no window, or no actual end). */
  kept: boolean | undefined;
  /** Minutes started before the window opened (0 when not early). */
  early: number;
  /** Minutes ended after the window closed (0 when not late). */
  overrun: number;
}

export interface Downtime {
  deployment: Deployment;
  /** undefined: not recorded. */
  minutes: number | undefined;
}

export function windowCheck(deployment: Deployment, timezone: string): WindowCheck {
  const window = deployment.release.data.window;
  if (!window || deployment.end === undefined) return { deployment, kept: undefined, early: 0, overrun: 0 };
  const opens = instant(window.start, timezone);
  const closes = endInstant(window.end, timezone);
  const early = minutesAfter(deployment.start, opens);
  const overrun = minutesAfter(closes, deployment.end);
  const kept = deployment.start >= opens && deployment.end <= closes;
  return { deployment, kept, early, overrun };
}

export function downtimeOf(deployment: Deployment): Downtime {
  return { deployment, minutes: deployment.release.data.actual?.downtime };
}
