/** The portal's sections, in header order; `match` tells which section a page belongs to. */
import type { MessageKey } from '../i18n/index.ts';

export interface NavItem {
  href: string;
  label: MessageKey;
}

export const NAV: readonly NavItem[] = [
  { href: '/releases/', label: 'nav.releases' },
  { href: '/calendar/', label: 'nav.calendar' },
  { href: '/services/', label: 'nav.services' },
  { href: '/processes/', label: 'nav.processes' },
  { href: '/test-reports/', label: 'nav.testReports' },
  { href: '/retrospectives/', label: 'nav.retrospectives' },
  { href: '/metrics/', label: 'nav.metrics' },
  { href: '/guide/', label: 'nav.guide' },
];

/** Whether `pathname` is the section `item` or a page inside it. */
export function inSection(item: NavItem, pathname: string): boolean {
  return pathname === item.href || pathname.startsWith(item.href);
}
