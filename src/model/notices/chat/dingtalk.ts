/**
 * DingTalk custom robot (钉钉自定义机器人): `{"msgtype":"markdown","markdown":{"title","text"}}`
 * POSTed to `https://oapi.dingtalk.com/robot/send?access_token=…`. Its markdown has headings,
 * bold, links and lists but no code spans, so code is written as text. The answer is HTTP 200
 * with `{"errcode":0,"errmsg":"ok"}`; any other errcode is a refusal (310000: the message fails
 * the robot's security settings — keyword, IP or signature). A robot with 加签 gets
 * `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(key = secret, `timestamp\nsecret`)) in the query.
 */
import { createHmac } from 'node:crypto';
import { markdownChunks } from '../render/markdown.ts';
import { fitChunks, truncationNote } from './fit.ts';
import { jsonObject, snippet, type ChatPlatformSpec } from './types.ts';

/** DingTalk documents no markdown limit for custom robots; messages are kept under this to be safe. */
export const DINGTALK_MAX_BYTES = 18_000;

export const dingtalk: ChatPlatformSpec = {
  id: 'dingtalk',
  name: 'DingTalk',
  hosts: ['oapi.dingtalk.com', 'api.dingtalk.com'],
  payload(input) {
    const { text } = fitChunks(markdownChunks(input.doc, { codeSpans: false }), '\n\n', DINGTALK_MAX_BYTES, truncationNote(input));
    return { msgtype: 'markdown', markdown: { title: input.doc.title, text } };
  },
  bodyError(body) {
    const answer = jsonObject(body);
    if (!answer || typeof answer['errcode'] !== 'number') return `unexpected answer: ${snippet(body) || '(empty)'}`;
    if (answer['errcode'] === 0) return undefined;
    return `errcode ${answer['errcode']}${typeof answer['errmsg'] === 'string' ? `: ${snippet(answer['errmsg'])}` : ''}`;
  },
  sign(url, payload, secret, now) {
    const timestamp = String(now.getTime());
    const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    const signed = new URL(url);
    signed.searchParams.set('timestamp', timestamp);
    signed.searchParams.set('sign', sign);
    return { url: signed, payload };
  },
};
