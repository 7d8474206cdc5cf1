/** Every test report as the report list's filters read it (src/portal/test-report-list.ts). */
import type { APIRoute } from 'astro';
import { pageContext } from '../../portal/page-context.ts';
import { junitViewsOf } from '../../portal/junit.ts';
import { reportIndex, reportsInListOrder } from '../../portal/test-report-list.ts';

export const GET: APIRoute = async () => {
  const ctx = await pageContext();
  const junit = await junitViewsOf(ctx.content, reportsInListOrder(ctx.content));
  const totals = new Map([...junit].map(([file, view]) => [file, view.totals]));
  return new Response(JSON.stringify(reportIndex(ctx, totals)), { headers: { 'Content-Type': 'application/json' } });
};
