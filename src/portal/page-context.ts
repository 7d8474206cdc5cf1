/** What every page needs from the site settings: locale, labels, time zone, title. */
import { translator, type Locale, type Translate } from '../i18n/index.ts';
import { portalContent } from './content.ts';
import type { Content } from '../model/content.ts';

export interface PageContext {
  content: Content;
  locale: Locale;
  timezone: string;
  siteTitle: string;
  t: Translate;
}

export async function pageContext(): Promise<PageContext> {
  const content = await portalContent();
  const site = content.site!.data;
  return { content, locale: site.locale, timezone: site.timezone, siteTitle: site.title, t: translator(site.locale) };
}
