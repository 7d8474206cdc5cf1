/**
 * Feishu / Lark custom bot (飞书自定义机器人): a rich-text message,
 * `{"msg_type":"post","content":{"post":{"zh_cn":{"title","content":[[element…]…]}}}}`, POSTed
 * to `https://open.feishu.cn/open-apis/bot/v2/hook/…` (Lark: open.larksuite.com). Each line is
 * an array of `text` and `a` (link) elements; headings are bold text. A request body is at most
 * 20 KB, so a long notice is shortened. The answer is `{"code":0,"msg":"success"}` (older
 * robots: `{"StatusCode":0,"StatusMessage":"success"}`); another code is a refusal (19021
 * bad signature, 19024 keyword missing, 9499 bad request). A bot with 签名校验 gets `timestamp`
 * (seconds) and `sign` = Base64(HMAC-SHA256(key = `timestamp\nsecret`, empty message)) in the body.
 */
import { createHmac } from 'node:crypto';
import type { Block, Inline, Span } from '../document.ts';
import { oneLine } from '../render/markdown.ts';
import { truncationNote, utf8Bytes } from './fit.ts';
import { jsonObject, snippet, type ChatPlatformSpec, type JsonObject } from './types.ts';

/** Feishu's documented request limit is 20 KB; the payload is kept under it with room for the signature. */
export const FEISHU_MAX_BYTES = 19_000;

type Element = { tag: 'text'; text: string; style?: string[] } | { tag: 'a'; text: string; href: string };
type Line = Element[];

function element(span: Span): Element {
  if ('text' in span) return { tag: 'text', text: oneLine(span.text) };
  if ('code' in span) return { tag: 'text', text: oneLine(span.code) };
  if ('strong' in span) return { tag: 'text', text: oneLine(span.strong), style: ['bold'] };
  return /^https?:\/\//i.test(span.href) ? { tag: 'a', text: oneLine(span.link), href: span.href } : { tag: 'text', text: oneLine(span.link) };
}

const line = (inline: Inline, prefix = ''): Line => [...(prefix ? [{ tag: 'text', text: prefix } as const] : []), ...inline.map(element)];

function blockLines(b: Block, colon: string): Line[] {
  if (b.type === 'paragraph') return [line(b.content)];
  if (b.type === 'fields') return b.rows.map((row) => [{ tag: 'text', text: `${oneLine(row.label)}${colon}` }, ...row.value.map(element)]);
  return b.items.map((item, i) => line(item, b.ordered ? `${i + 1}. ` : '• '));
}

export const feishu: ChatPlatformSpec = {
  id: 'feishu',
  name: 'Feishu',
  hosts: ['open.feishu.cn', 'open.larksuite.com'],
  payload(input) {
    const { doc } = input;
    const lines: Line[] = [...doc.lead.flatMap((b) => blockLines(b, doc.colon))];
    for (const section of doc.sections) {
      lines.push([{ tag: 'text', text: oneLine(section.heading), style: ['bold'] }]);
      for (const b of section.blocks) lines.push(...blockLines(b, doc.colon));
    }
    const language = doc.locale === 'zh-CN' ? 'zh_cn' : 'en_us';
    const body = (content: Line[]): JsonObject => ({ msg_type: 'post', content: { post: { [language]: { title: oneLine(doc.title), content } } } });
    if (utf8Bytes(JSON.stringify(body(lines))) <= FEISHU_MAX_BYTES) return body(lines);
    const tail: Line = [{ tag: 'text', text: truncationNote(input) }];
    const kept = [...lines];
    while (kept.length > 0 && utf8Bytes(JSON.stringify(body([...kept, tail]))) > FEISHU_MAX_BYTES) kept.pop();
    return body([...kept, tail]);
  },
  bodyError(body) {
    const answer = jsonObject(body);
    const code = answer?.['code'] ?? answer?.['StatusCode'];
    if (!answer || typeof code !== 'number') return `unexpected answer: ${snippet(body) || '(empty)'}`;
    if (code === 0) return undefined;
    const msg = answer['msg'] ?? answer['StatusMessage'];
    return `code ${code}${typeof msg === 'string' ? `: ${snippet(msg)}` : ''}`;
  },
  sign(url, payload, secret, now) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
    return { url, payload: { timestamp, sign, ...payload } };
  },
};
