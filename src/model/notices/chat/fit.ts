/**
 * Chat platforms cap a message's size (WeCom markdown 4096 bytes, Feishu 20 KB per request,
 * Slack 3000 characters per section and 50 blocks). A notice that does not fit keeps its first
 * chunks — title, announcement, the first sections — and ends with a line that says it was
 * shortened and, when the site has a baseUrl, where the whole notice is.
 */
import { translator } from '../../../i18n/index.ts';
import type { ChatInput } from './types.ts';

export function utf8Bytes(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** The line that ends a shortened message, in the notice's locale. */
export function truncationNote(input: ChatInput): string {
  const t = translator(input.doc.locale);
  return input.pageUrl ? t('notice.truncatedSee', { url: input.pageUrl }) : t('notice.truncated');
}

/** The longest prefix of `value` (whole characters) of at most `maxBytes` UTF-8 bytes. */
export function cutBytes(value: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const char of value) {
    const size = utf8Bytes(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/**
 * `chunks` joined by `separator` when the result is within `maxBytes`; otherwise the leading
 * chunks that fit together with `tail` (a chunk too long on its own is cut), then `tail`.
 */
export function fitChunks(chunks: readonly string[], separator: string, maxBytes: number, tail: string): { text: string; truncated: boolean } {
  const whole = chunks.join(separator);
  if (utf8Bytes(whole) <= maxBytes) return { text: whole, truncated: false };
  const budget = maxBytes - utf8Bytes(separator + tail);
  const kept: string[] = [];
  let used = 0;
  for (const chunk of chunks) {
    const cost = utf8Bytes(chunk) + (kept.length > 0 ? utf8Bytes(separator) : 0);
    if (used + cost > budget) {
      const room = budget - used - (kept.length > 0 ? utf8Bytes(separator) : 0);
      if (kept.length === 0 && room > 0) kept.push(`${cutBytes(chunk, room - utf8Bytes('…'))}…`);
      break;
    }
    kept.push(chunk);
    used += cost;
  }
  return { text: [...kept, tail].join(separator), truncated: true };
}
