/**
 * WeCom group robot (企业微信群机器人): `{"msgtype":"markdown","markdown":{"content"}}` POSTed to
 * `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`. The content is at most 4096 bytes
 * of UTF-8 (a longer one is refused with errcode 40058), so a long notice is shortened. The
 * answer is HTTP 200 with `{"errcode":0,"errmsg":"ok"}`; any other errcode is a refusal.
 */
import { markdownChunks } from '../render/markdown.ts';
import { fitChunks, truncationNote } from './fit.ts';
import { jsonObject, snippet, type ChatPlatformSpec } from './types.ts';

export const WECOM_MAX_BYTES = 4096;

export const wecom: ChatPlatformSpec = {
  id: 'wecom',
  name: 'WeCom',
  hosts: ['qyapi.weixin.qq.com'],
  payload(input) {
    const { text } = fitChunks(markdownChunks(input.doc), '\n\n', WECOM_MAX_BYTES, truncationNote(input));
    return { msgtype: 'markdown', markdown: { content: text } };
  },
  bodyError(body) {
    const answer = jsonObject(body);
    if (!answer || typeof answer['errcode'] !== 'number') return `unexpected answer: ${snippet(body) || '(empty)'}`;
    if (answer['errcode'] === 0) return undefined;
    return `errcode ${answer['errcode']}${typeof answer['errmsg'] === 'string' ? `: ${snippet(answer['errmsg'])}` : ''}`;
  },
};
