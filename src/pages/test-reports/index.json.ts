/** Every test report as the report list's filters read it (src/portal/test-report-list.ts). */
import type { APIRoute } from 'astro';
import { pageContext } from '../../portal/page-context.ts';
import { junitViewsOf } from '../../portal/junit.ts';
import { reportIndex, reportsInListOrder } from '../../portal/test-report-list.ts';

export const GET: APIRoute = async () => {
  const ctx = await pageContext();
  const junit = await junitViewsOf(ctx.content, reportsInListOrder(ctx.content));
  return new Response(JSON.stringify(reportIndex(ctx, junit)), { headers: { 'Content-Type': 'application/json' } });
};
