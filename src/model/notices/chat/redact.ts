/**
 * A webhook URL is a credential: whoever has it can post to the group. Nothing Shiplog prints
 * shows it — errors, dry runs and success lines name the host and the harmless start of the
 * path, with every token replaced by `***`.
 */

/** Path segments that are part of a platform's route, never a token (`robot`, `send`, `open-apis`, `v2`). */
const ROUTE_SEGMENT = /^(?:[a-z][a-z-]{0,11}|v\d{1,2})$/;

/** Whether a path segment is shown: a route word, and not the last segment of a URL without a query (where the token would be). */
function shownSegment(segment: string, index: number, count: number, hasQuery: boolean): boolean {
  return ROUTE_SEGMENT.test(segment) && (hasQuery || index < count - 1);
}

/**
 * `https://oapi.dingtalk.com/robot/send?access_token=***`,
 * `https://open.feishu.cn/open-apis/bot/v2/hook/***`, `https://hooks.slack.com/services/***`.
 * Credentials in the authority, every query value, the fragment and every path segment from
 * the first that could be a token on are hidden.
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(the webhook URL)';
  }
  const segments = url.pathname.split('/').slice(1);
  const shown: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment === '' && i === segments.length - 1) break;
    if (!shownSegment(segment, i, segments.length, url.search !== '')) {
      shown.push('***');
      break;
    }
    shown.push(segment);
  }
  const query = [...url.searchParams.keys()].map((key) => `${encodeURIComponent(key)}=***`).join('&');
  return `${url.protocol}//${url.host}/${shown.join('/')}${query ? `?${query}` : ''}`;
}

/** The parts of a URL that are secret: each query value and path segment that could be a token, the credentials. */
export function secretParts(raw: string): string[] {
  const parts = new Set<string>([raw]);
  try {
    const url = new URL(raw);
    parts.add(url.href);
    const segments = url.pathname.split('/').slice(1);
    segments.forEach((segment, i) => {
      if (segment && !shownSegment(segment, i, segments.length, url.search !== '')) parts.add(segment).add(decodeSafe(segment));
    });
    for (const value of url.searchParams.values()) if (value) parts.add(value).add(encodeURIComponent(value));
    if (url.username) parts.add(url.username);
    if (url.password) parts.add(url.password);
    if (url.search) parts.add(url.search.slice(1));
  } catch {
    // not a URL: the raw text is all there is to hide
  }
  return [...parts].filter((part) => part.length >= 4).sort((a, b) => b.length - a.length);
}

/** `text` with every secret part of `secrets` (webhook URLs, the signing secret) replaced by `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets.flatMap(secretParts)) out = out.split(secret).join('***');
  return out;
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
