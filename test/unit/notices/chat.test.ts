/**
 * The chat payloads of each platform (their documented incoming-webhook JSON), their size
 * limits, how each platform's answer is read, request signing, and the redaction of webhook URLs.
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { buildNotice, type NoticeDocument } from '../../../src/model/notices/index.ts';
import { PLATFORMS, platformOfUrl, redactUrl, scrub, type JsonObject } from '../../../src/model/notices/chat/index.ts';
import { fitChunks, utf8Bytes } from '../../../src/model/notices/chat/fit.ts';
import { REPO } from '../helpers.ts';

const { content } = await loadContent(path.join(REPO, 'content'));
const formal = buildNotice(content, content.releaseByRef.get('payment-gateway@2.4.0')!, 'formal');
const PAGE = 'https://releases.example.com/releases/payment-gateway/2.4.0/notice/';

/** The formal notice with `n` more changes, to exceed every platform's limit. */
function huge(n: number): NoticeDocument {
  const items = Array.from({ length: n }, (_, i) => [{ text: `第 ${i + 1} 项变更：支付网关对账与分账能力的又一项改进，附带较长的说明文字以占满消息长度` }, { code: `PAY-${2000 + i}` }]);
  return { ...formal, sections: [...formal.sections, { id: 'more', heading: '更多变更', level: 3, blocks: [{ type: 'list', ordered: false, items }] }] };
}

const get = (value: unknown, ...keys: (string | number)[]): unknown => keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);

describe('DingTalk (markdown message)', () => {
  it('is {msgtype: markdown, markdown: {title, text}} with the notice as markdown, code as text', () => {
    const payload = PLATFORMS.dingtalk.payload({ doc: formal, pageUrl: PAGE });
    expect(Object.keys(payload)).toEqual(['msgtype', 'markdown']);
    expect(payload['msgtype']).toBe('markdown');
    expect(get(payload, 'markdown', 'title')).toBe('【正式发布通知】支付网关 2.4.0');
    const text = get(payload, 'markdown', 'text') as string;
    expect(text.startsWith('# 【正式发布通知】支付网关 2.4.0\n\n致：开发、测试、运维、产品、市场、销售\n\n支付网关 2.4.0 已于 2026/06/18 22:00 (UTC+08:00) 正式发布。')).toBe(true);
    expect(text).toContain('- **版本号**：2.4.0');
    expect(text).not.toContain('`');
  });

  it('reads errcode from the answer', () => {
    expect(PLATFORMS.dingtalk.bodyError('{"errcode":0,"errmsg":"ok"}')).toBeUndefined();
    expect(PLATFORMS.dingtalk.bodyError('{"errcode":310000,"errmsg":"keywords not in content"}')).toBe('errcode 310000: keywords not in content');
    expect(PLATFORMS.dingtalk.bodyError('<html>proxy</html>')).toBe('unexpected answer: <html>proxy</html>');
  });

  it('signs with timestamp and sign in the query (加签)', () => {
    const now = new Date(1_700_000_000_000);
    const { url } = PLATFORMS.dingtalk.sign!(new URL('https://oapi.dingtalk.com/robot/send?access_token=tok'), {}, 'SECret', now);
    const expected = createHmac('sha256', 'SECret').update('1700000000000\nSECret').digest('base64');
    expect(url.searchParams.get('access_token')).toBe('tok');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(expected);
  });
});

describe('WeCom (markdown message)', () => {
  it('is {msgtype: markdown, markdown: {content}} within 4096 bytes', () => {
    const payload = PLATFORMS.wecom.payload({ doc: formal });
    expect(payload).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('- **版本号**：`2.4.0`') } });
    const big = PLATFORMS.wecom.payload({ doc: huge(200), pageUrl: PAGE });
    const content = get(big, 'markdown', 'content') as string;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
    expect(content.startsWith('# 【正式发布通知】支付网关 2.4.0')).toBe(true);
    expect(content.endsWith(`(内容较长，已按群消息长度截断，完整通知：${PAGE})`)).toBe(true);
  });

  it('reads errcode from the answer', () => {
    expect(PLATFORMS.wecom.bodyError('{"errcode":0,"errmsg":"ok"}')).toBeUndefined();
    expect(PLATFORMS.wecom.bodyError('{"errcode":40058,"errmsg":"markdown.content exceed max length 4096"}')).toBe('errcode 40058: markdown.content exceed max length 4096');
  });
});

describe('Feishu (rich-text post)', () => {
  it('is {msg_type: post, content: {post: {zh_cn: {title, content: lines of text and a elements}}}}', () => {
    const payload = PLATFORMS.feishu.payload({ doc: formal });
    expect(payload['msg_type']).toBe('post');
    const post = get(payload, 'content', 'post', 'zh_cn') as { title: string; content: { tag: string; text: string; href?: string; style?: string[] }[][] };
    expect(post.title).toBe('【正式发布通知】支付网关 2.4.0');
    expect(post.content[0]).toEqual([{ tag: 'text', text: '致：开发、测试、运维、产品、市场、销售' }]);
    expect(post.content).toContainEqual([{ tag: 'text', text: '发布详情：' }, { tag: 'a', text: 'https://releases.example.com/releases/payment-gateway/2.4.0/', href: 'https://releases.example.com/releases/payment-gateway/2.4.0/' }]);
    expect(post.content).toContainEqual([{ tag: 'text', text: '产品版本说明', style: ['bold'] }]);
    expect(post.content).toContainEqual([{ tag: 'text', text: '版本号：' }, { tag: 'text', text: '2.4.0' }]);
    for (const line of post.content) for (const el of line) expect(['text', 'a']).toContain(el.tag);
  });

  it('writes en_us for an English site, and stays under 20 KB', () => {
    const en = PLATFORMS.feishu.payload({ doc: { ...formal, locale: 'en' } });
    expect(Object.keys(get(en, 'content', 'post') as object)).toEqual(['en_us']);
    const big = PLATFORMS.feishu.payload({ doc: huge(400), pageUrl: PAGE });
    expect(utf8Bytes(JSON.stringify(big))).toBeLessThanOrEqual(20_000);
    const lines = get(big, 'content', 'post', 'zh_cn', 'content') as { text: string }[][];
    expect(lines.at(-1)).toEqual([{ tag: 'text', text: `(内容较长，已按群消息长度截断，完整通知：${PAGE})` }]);
  });

  it('reads code (or the older StatusCode) from the answer', () => {
    expect(PLATFORMS.feishu.bodyError('{"code":0,"msg":"success","data":{}}')).toBeUndefined();
    expect(PLATFORMS.feishu.bodyError('{"StatusCode":0,"StatusMessage":"success"}')).toBeUndefined();
    expect(PLATFORMS.feishu.bodyError('{"code":19021,"data":{},"msg":"sign match fail or timestamp is not within one hour from current time"}')).toBe(
      'code 19021: sign match fail or timestamp is not within one hour from current time',
    );
    expect(PLATFORMS.feishu.bodyError('{"code":9499,"msg":"Bad Request"}')).toBe('code 9499: Bad Request');
  });

  it('signs with timestamp and sign in the body (签名校验)', () => {
    const { payload, url } = PLATFORMS.feishu.sign!(new URL('https://open.feishu.cn/open-apis/bot/v2/hook/abc'), { msg_type: 'post' }, 'SECret', new Date(1_700_000_000_000));
    expect(url.href).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/abc');
    expect(payload).toEqual({ timestamp: '1700000000', sign: createHmac('sha256', '1700000000\nSECret').update('').digest('base64'), msg_type: 'post' });
  });
});

describe('Slack (incoming webhook with blocks)', () => {
  it('is {text, blocks: [header, mrkdwn sections]} with Slack escaping and links', () => {
    const payload = PLATFORMS.slack.payload({ doc: formal });
    expect(payload['text']).toBe('【正式发布通知】支付网关 2.4.0');
    const blocks = payload['blocks'] as JsonObject[];
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '【正式发布通知】支付网关 2.4.0' } });
    for (const block of blocks.slice(1)) expect(block).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    const all = blocks.slice(1).map((b) => get(b, 'text', 'text')).join('\n');
    expect(all).toContain('<https://releases.example.com/releases/payment-gateway/2.4.0/|https://releases.example.com/releases/payment-gateway/2.4.0/>');
    expect(all).toContain('*版本号*：`2.4.0`');
    const hostile = PLATFORMS.slack.payload({ doc: { ...formal, lead: [{ type: 'paragraph', content: [{ text: 'a <!channel> & <b>' }] }] } });
    expect(get((hostile['blocks'] as JsonObject[])[1], 'text', 'text')).toBe('a &lt;!channel&gt; &amp; &lt;b&gt;');
  });

  it('keeps each section under 3000 characters and at most 50 blocks', () => {
    const big = PLATFORMS.slack.payload({ doc: huge(4000), pageUrl: PAGE });
    const blocks = big['blocks'] as JsonObject[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) if (block['type'] === 'section') expect((get(block, 'text', 'text') as string).length).toBeLessThanOrEqual(3000);
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: `(内容较长，已按群消息长度截断，完整通知：${PAGE})` }] });
  });

  it('reads the text answer: ok, or an error string', () => {
    expect(PLATFORMS.slack.bodyError('ok')).toBeUndefined();
    expect(PLATFORMS.slack.bodyError('invalid_blocks')).toBe('invalid_blocks');
    expect(PLATFORMS.slack.bodyError('')).toBe('(empty answer)');
  });
});

describe('size limits', () => {
  it('keeps whole chunks, cutting only a first chunk that is too long alone', () => {
    expect(fitChunks(['aaaa', 'bbbb', 'cccc'], '\n\n', 100, 'T')).toEqual({ text: 'aaaa\n\nbbbb\n\ncccc', truncated: false });
    expect(fitChunks(['aaaa', 'bbbb', 'cccc'], '\n\n', 14, 'T')).toEqual({ text: 'aaaa\n\nbbbb\n\nT', truncated: true });
    const cut = fitChunks(['支付网关支付网关支付网关'], '\n', 12, 'T');
    expect(cut.truncated).toBe(true);
    expect(utf8Bytes(cut.text)).toBeLessThanOrEqual(12);
    expect(cut.text).toBe('支付…\nT');
  });
});

describe('webhook URLs', () => {
  it('tells the platform from the host', () => {
    expect(platformOfUrl('https://oapi.dingtalk.com/robot/send?access_token=x')).toBe('dingtalk');
    expect(platformOfUrl('https://open.feishu.cn/open-apis/bot/v2/hook/x')).toBe('feishu');
    expect(platformOfUrl('https://open.larksuite.com/open-apis/bot/v2/hook/x')).toBe('feishu');
    expect(platformOfUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x')).toBe('wecom');
    expect(platformOfUrl('https://hooks.slack.com/services/T0/B0/x')).toBe('slack');
    expect(platformOfUrl('http://127.0.0.1:8080/hook')).toBeUndefined();
    expect(platformOfUrl('not a url')).toBeUndefined();
  });

  it('never shows a token: every query value and every path segment that could be one is hidden', () => {
    expect(redactUrl('https://oapi.dingtalk.com/robot/send?access_token=9f8e7d6c5b4a')).toBe('https://oapi.dingtalk.com/robot/send?access_token=***');
    expect(redactUrl('https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/***');
    expect(redactUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***');
    expect(redactUrl('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX')).toBe('https://hooks.slack.com/services/***');
    expect(redactUrl('https://user:pass@example.com/a/Secret-Token?x=1#frag')).toBe('https://example.com/a/***?x=***');
    expect(redactUrl('https://chat.example.com/hooks/abcdefgh')).toBe('https://chat.example.com/hooks/***');
    expect(redactUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/');
    expect(redactUrl('::not a url::')).toBe('(the webhook URL)');
  });

  it('scrubs every secret part from a message', () => {
    const url = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
    expect(scrub(`failed: ${url} and B00000000 and XXXXXXXXXXXXXXXXXXXXXXXX`, [url])).toBe('failed: *** and *** and ***');
    expect(scrub('token=9f8e7d6c5b4a!', ['https://oapi.dingtalk.com/robot/send?access_token=9f8e7d6c5b4a'])).toBe('token=***!');
  });
});
