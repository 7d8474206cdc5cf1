/**
 * What every data output is built from: the loaded content, the site settings, labels in the
 * site's language and the build's "now". A page's PageContext (src/portal/page-context.ts) is
 * one, so the endpoints pass theirs; tests make one from a content folder.
 */
import type { DateTime } from 'luxon';
import type { Content } from '../content.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import type { Site } from '../../schema/index.ts';

export interface OutputContext {
  content: Content;
  site: Site;
  locale: Locale;
  timezone: string;
  t: Translate;
  /** The build's "now" (SHIPLOG_NOW for reproducible builds): only the API's `generatedAt` and DTSTAMP use it. */
  now: DateTime;
}
