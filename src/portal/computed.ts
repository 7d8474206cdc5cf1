/**
 * What many pages of one build ask about the whole content, computed once per build and
 * shared: the delivery metrics (/metrics/ and every /metrics/<service>/ page) and the
 * carry-over of every release page. Content and "now" are the same for all pages of a build.
 */
import type { Content, ReleaseRecord } from '../model/content.ts';
import { deliveryMetrics, type DeliveryMetrics } from '../model/metrics/index.ts';
import { carryOverIndex, type CarriedAction } from '../model/queries/retrospectives.ts';
import type { PageContext } from './page-context.ts';

interface Computed {
  now: number;
  metrics?: DeliveryMetrics;
  carryOver?: Map<string, CarriedAction[]>;
}

const computed = new WeakMap<Content, Computed>();

function entry(ctx: PageContext): Computed {
  let found = computed.get(ctx.content);
  if (!found || found.now !== ctx.now.toMillis()) {
    found = { now: ctx.now.toMillis() };
    computed.set(ctx.content, found);
  }
  return found;
}

export function buildMetrics(ctx: PageContext): DeliveryMetrics {
  const e = entry(ctx);
  e.metrics ??= deliveryMetrics(ctx.content, ctx.now, ctx.timezone);
  return e.metrics;
}

export function carriedOver(ctx: PageContext, release: ReleaseRecord): CarriedAction[] {
  const e = entry(ctx);
  e.carryOver ??= carryOverIndex(ctx.content, ctx.now, ctx.timezone);
  return e.carryOver.get(release.ref) ?? [];
}
