/**
 * Labels of one area of the portal; `en` defines the keys, `zhCN` must have the same ones.
 * Data outputs: the Atom feeds, the iCalendar files and the "Subscribe" links to them and to the JSON API.
 */
export const en = {
  'data.feed.title': '{site} · releases',
  'data.feed.serviceTitle': '{service} · releases',
  'data.feed.subtitle': 'Release records of {site}: each release with its status and window.',
  'data.feed.entryTitle': '{ref} · {title} · {status}',
  'data.feed.status': 'Status: {status} · type: {type}',
  'data.feed.window': 'Window: {when}',
  'data.feed.actual': 'Went out: {when}',
  'data.feed.changes': 'Changes:',
  'data.calendar.name': '{site} · release windows',
  'data.calendar.serviceName': '{service} · release windows',
  'data.calendar.description': 'Go-live windows of the releases of {site}.',
  'data.calendar.status': 'Status: {status} · type: {type}',
  'data.subscribe': 'Subscribe:',
  'data.subscribe.calendar': 'calendar',
  'data.subscribe.feed': 'feed',
  'data.subscribe.api': 'API',
  'data.subscribe.service': 'Subscribe to {service}:',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'data.feed.title': '{site} · 发布动态',
  'data.feed.serviceTitle': '{service} · 发布动态',
  'data.feed.subtitle': '{site}的发布记录：每个版本的状态与上线窗口。',
  'data.feed.entryTitle': '{ref} · {title} · {status}',
  'data.feed.status': '状态：{status} · 类型：{type}',
  'data.feed.window': '上线窗口：{when}',
  'data.feed.actual': '实际上线：{when}',
  'data.feed.changes': '变更内容：',
  'data.calendar.name': '{site} · 上线窗口',
  'data.calendar.serviceName': '{service} · 上线窗口',
  'data.calendar.description': '{site}各版本的上线时间窗口。',
  'data.calendar.status': '状态：{status} · 类型：{type}',
  'data.subscribe': '订阅：',
  'data.subscribe.calendar': '日历',
  'data.subscribe.feed': '订阅源',
  'data.subscribe.api': 'API',
  'data.subscribe.service': '订阅 {service}：',
};
