/**
 * The data outputs of the portal (issue #8): Atom feeds, iCalendar files, the JSON API and
 * the JSON Schemas, built from the loaded content in plain TypeScript. The Astro endpoints in
 * src/pages only call these; `dataOutputFiles` lists every file with its text, for tests and
 * for anyone who wants the outputs without a site build.
 */
import { RECORD_KINDS } from '../../schema/index.ts';
import { apiDocument, apiIndexDocument, stableJson } from './api.ts';
import type { OutputContext } from './context.ts';
import { releaseFeed } from './feed.ts';
import { releaseCalendar } from './ical.ts';
import {
  API_INDEX_PATH,
  API_NAMES,
  apiPath,
  apiSchemaPath,
  CALENDAR_PATH,
  FEED_PATH,
  recordSchemaPath,
  serviceCalendarPath,
  serviceFeedPath,
} from './locations.ts';
import { apiSchemaText, recordSchemaText } from './schemas.ts';

export type { OutputContext } from './context.ts';
export * from './locations.ts';
export { releaseFeed, feedReleases, FEED_LIMIT } from './feed.ts';
export { releaseCalendar, calendarReleases } from './ical.ts';
export { apiDocument, apiIndexDocument, stableJson } from './api.ts';
export { apiJsonSchema, API_DOCUMENTS } from './api-schema.ts';
export { apiSchemaText, recordSchemaText } from './schemas.ts';

/** Every data output: site path -> file text, in a fixed order. */
export async function dataOutputFiles(ctx: OutputContext): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const services = [...ctx.content.services.keys()].sort();
  files.set(FEED_PATH, releaseFeed(ctx));
  files.set(CALENDAR_PATH, releaseCalendar(ctx));
  for (const id of services) {
    files.set(serviceFeedPath(id), releaseFeed(ctx, { service: id }));
    files.set(serviceCalendarPath(id), releaseCalendar(ctx, { service: id }));
  }
  files.set(API_INDEX_PATH, stableJson(apiIndexDocument(ctx)));
  for (const name of API_NAMES) files.set(apiPath(name), stableJson(await apiDocument(ctx, name)));
  files.set(apiSchemaPath('index'), apiSchemaText('index'));
  for (const name of API_NAMES) files.set(apiSchemaPath(name), apiSchemaText(name));
  for (const kind of RECORD_KINDS) files.set(recordSchemaPath(kind), recordSchemaText(kind));
  return files;
}
