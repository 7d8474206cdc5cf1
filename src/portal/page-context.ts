/** What every page needs from the site settings: locale, labels, time zone, title, "now". */
import type { DateTime } from 'luxon';
import { translator, type Locale, type Translate } from '../i18n/index.ts';
import { portalContent } from './content.ts';
import { now } from './now.ts';
import type { Content } from '../model/content.ts';
import type { Site } from '../schema/index.ts';

export interface PageContext {
  content: Content;
  site: Site;
  locale: Locale;
  timezone: string;
  siteTitle: string;
  t: Translate;
  /** The build's "now" in the site's time zone (src/portal/now.ts). */
  now: DateTime;
  /** A role key's label from site.roles (the key itself when unknown). */
  role(key: string): string;
}

export async function pageContext(): Promise<PageContext> {
  const content = await portalContent();
  const site = content.site!.data;
  return {
    content,
    site,
    locale: site.locale,
    timezone: site.timezone,
    siteTitle: site.title,
    t: translator(site.locale),
    now: now(site.timezone),
    role: (key) => site.roles[key] ?? key,
  };
}
