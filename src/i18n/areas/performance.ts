/** Labels of one area of the portal; `en` defines the keys, `zhCN` must have the same ones. */
export const en = {
  'calendar.byYear': 'By year',
  'calendar.years': 'Calendar years',
  'calendar.yearTitle': 'Release calendar {year}',
  'calendar.yearSummary': '{months} months, {n} windows',
  'pager.label': 'Pages',
  'pager.previous': 'Previous',
  'pager.next': 'Next',
  'pager.page': 'Page {n}',
  'pager.current': 'Page {n} of {total}',
  'releases.pageRange': 'Releases {from}–{to} of {total}, newest window first',
  'releases.loading': 'Loading every release to filter them…',
  'releases.loadFailed': 'The full list could not be loaded; the filters apply to this page only.',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'calendar.byYear': '按年份',
  'calendar.years': '日历年份',
  'calendar.yearTitle': '{year} 年上线日历',
  'calendar.yearSummary': '{months} 个月，{n} 个上线窗口',
  'pager.label': '分页',
  'pager.previous': '上一页',
  'pager.next': '下一页',
  'pager.page': '第 {n} 页',
  'pager.current': '第 {n} / {total} 页',
  'releases.pageRange': '第 {from}–{to} 个发布，共 {total} 个，按上线窗口从新到旧',
  'releases.loading': '正在加载全部发布以便筛选…',
  'releases.loadFailed': '无法加载完整列表，筛选只作用于本页。',
};
