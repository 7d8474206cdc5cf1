/**
 * `npm run notify` as a child process against a local node:http server that records what it
 * receives and answers as a platform would: accepted, HTTP 500, the platform's own error code,
 * or never (timeout). The webhook URL's token must never appear in stdout or stderr.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureCopy, REPO } from '../helpers.ts';

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

type Answer = { status: number; body: string } | 'hang';

const TOKEN = 's3cr3t-T0KEN-abc123';
const SIGNING_SECRET = 'SECsigning-secret-xyz789';
const received: Received[] = [];
let answer: Answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'], body, at: Date.now() });
      if (answer === 'hang') return; // never answers: the client must give up on its own
      res.writeHead(answer.status, { 'content-type': answer.body.startsWith('{') ? 'application/json' : 'text/plain' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
});

const hook = () => `${base}/robot/send?access_token=${TOKEN}`;
const SAMPLE = path.join(REPO, 'content');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** When the process ended (ms since the epoch). */
  endedAt: number;
}

/** Runs the CLI without blocking this process (the server above must keep answering). */
function notify(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/notify.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', SHIPLOG_WEBHOOK_URL: '', SHIPLOG_WEBHOOK_SECRET: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const run = { status, stdout, stderr, endedAt: Date.now() };
      // Whatever happened, the webhook's token and the signing secret are never printed.
      for (const secret of [TOKEN, SIGNING_SECRET, hook()]) {
        expect(run.stdout).not.toContain(secret);
        expect(run.stderr).not.toContain(secret);
      }
      resolve(run);
    });
  });
}

const REDACTED = () => `${base}/robot/send?access_token=***`;

describe('npm run notify', { timeout: 120_000 }, () => {
  it('posts the formal notice and says where, without the token', async () => {
    const run = await notify(['payment-gateway@2.4.0', '--to', hook(), '--format', 'dingtalk', '--content', SAMPLE]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`posted the formal notice of payment-gateway@2.4.0 to DingTalk (${REDACTED()})\n`);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', url: `/robot/send?access_token=${TOKEN}`, contentType: 'application/json; charset=utf-8' });
    const body = JSON.parse(request!.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('【正式发布通知】支付网关 2.4.0');
    expect(body.markdown.text).toContain('支付网关 2.4.0 已于 2026/06/18 22:00 (UTC+08:00) 正式发布。');
  });

  it('takes the URL from SHIPLOG_WEBHOOK_URL, and signs when SHIPLOG_WEBHOOK_SECRET is set', async () => {
    answer = { status: 200, body: '{"code":0,"msg":"success","data":{}}' };
    const url = `${base}/open-apis/bot/v2/hook/${TOKEN}`;
    const run = await notify(['payment-gateway@2.4.0', '--format', 'feishu', '--content', SAMPLE], { SHIPLOG_WEBHOOK_URL: url, SHIPLOG_WEBHOOK_SECRET: SIGNING_SECRET });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`posted the formal notice of payment-gateway@2.4.0 to Feishu (${base}/open-apis/bot/v2/hook/***)\n`);
    const body = JSON.parse(received[0]!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['timestamp', 'sign', 'msg_type', 'content']);
    expect(body['msg_type']).toBe('post');
  });

  it('exits 1 on an HTTP error, with the status and the answer (scrubbed) on one line', async () => {
    answer = { status: 500, body: `boom: bad token ${TOKEN}` };
    const run = await notify(['payment-gateway@2.4.0', '--to', hook(), '--format', 'dingtalk', '--content', SAMPLE]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`notify: the formal notice of payment-gateway@2.4.0 was not posted: DingTalk answered HTTP 500 Internal Server Error (${REDACTED()}): boom: bad token ***\n`);
  });

  it("exits 1 when the platform refuses the message in a 200 answer (DingTalk's errcode)", async () => {
    answer = { status: 200, body: '{"errcode":310000,"errmsg":"keywords not in content"}' };
    const run = await notify(['payment-gateway@2.4.0', '--to', hook(), '--format', 'dingtalk', '--content', SAMPLE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`notify: the formal notice of payment-gateway@2.4.0 was not posted: DingTalk refused the message (${REDACTED()}): errcode 310000: keywords not in content\n`);
  });

  it("exits 1 on Slack's error text and WeCom's errcode", async () => {
    answer = { status: 200, body: 'channel_is_archived' };
    const slack = await notify(['payment-gateway@2.4.0', '--to', `${base}/services/T000/B000/${TOKEN}`, '--format', 'slack', '--content', SAMPLE]);
    expect(slack.status).toBe(1);
    expect(slack.stderr).toBe(`notify: the formal notice of payment-gateway@2.4.0 was not posted: Slack refused the message (${base}/services/***): channel_is_archived\n`);
    answer = { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' };
    const wecom = await notify(['payment-gateway@2.4.0', '--to', `${base}/cgi-bin/webhook/send?key=${TOKEN}`, '--format', 'wecom', '--content', SAMPLE]);
    expect(wecom.status).toBe(1);
    expect(wecom.stderr).toContain('WeCom refused the message');
    expect(wecom.stderr).toContain('errcode 93000: invalid webhook url');
  });

  it('gives up after --timeout when the server never answers', async () => {
    answer = 'hang';
    const run = await notify(['payment-gateway@2.4.0', '--to', hook(), '--format', 'dingtalk', '--timeout', '0.5', '--content', SAMPLE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `notify: the formal notice of payment-gateway@2.4.0 was not posted: DingTalk did not answer within 0.5 s (${REDACTED()}): timed out; nothing is known to be posted (raise --timeout to wait longer)\n`,
    );
    // It gave up about 0.5 s after its request arrived (the rest of its run time is start-up).
    expect(received).toHaveLength(1);
    expect(run.endedAt - received[0]!.at).toBeLessThan(5_000);
  });

  it('exits 1 when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const run = await notify(['payment-gateway@2.4.0', '--to', `http://127.0.0.1:${port}/robot/send?access_token=${TOKEN}`, '--format', 'dingtalk', '--content', SAMPLE]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`notify: the formal notice of payment-gateway@2.4.0 was not posted: could not reach DingTalk at http://127.0.0.1:${port}/robot/send?access_token=***: ECONNREFUSED\n`);
  });

  it.each(['dingtalk', 'feishu', 'wecom', 'slack'])('--dry-run prints a valid %s payload and posts nothing', async (format) => {
    const run = await notify(['payment-gateway@2.4.0', '--dry-run', '--format', format, '--to', hook(), '--content', SAMPLE]);
    expect(run.status).toBe(0);
    expect(received).toEqual([]);
    const payload = JSON.parse(run.stdout) as Record<string, unknown>;
    const keys = { dingtalk: ['msgtype', 'markdown'], feishu: ['msg_type', 'content'], wecom: ['msgtype', 'markdown'], slack: ['text', 'blocks'] }[format];
    expect(Object.keys(payload)).toEqual(keys);
    expect(JSON.stringify(payload)).toContain('支付网关 2.4.0');
    expect(run.stderr).toMatch(new RegExp(`^dry run: the formal notice of payment-gateway@2\\.4\\.0 as a \\w+ message \\(\\d+ bytes\\), not posted to ${REDACTED().replace(/[.*?]/g, '\\$&')}\\n$`));
  });

  it('sends the baseline notice with --message baseline, in the platform the host names', async () => {
    const run = await notify(['payment-gateway@2.3.0', '--dry-run', '--message', 'baseline', '--to', 'https://oapi.dingtalk.com/robot/send?access_token=' + TOKEN, '--content', SAMPLE]);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { markdown: { title: string } }).markdown.title).toBe('【发布基线通知】支付网关 2.3.0');
    expect(run.stderr).toContain('not posted to https://oapi.dingtalk.com/robot/send?access_token=***');
  });

  it('exits 1 for an unknown release (with a did-you-mean) and for a release that is not released', async () => {
    const unknown = await notify(['payment-gatway@2.4.0', '--to', hook(), '--format', 'dingtalk', '--content', SAMPLE]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('notify: unknown release "payment-gatway@2.4.0" (did you mean `payment-gateway@2.4.0`?)\n');
    const rolledBack = await notify(['payment-gateway@2.3.0', '--to', hook(), '--format', 'dingtalk', '--content', SAMPLE]);
    expect(rolledBack.status).toBe(1);
    expect(rolledBack.stderr).toBe(
      'notify: payment-gateway@2.3.0 is rolled-back, not released: the formal notice announces a release that went out (post it anyway with --any-status, or send --message baseline or --message notes)\n',
    );
    expect(received).toEqual([]);
  });

  it('exits 1 when the content folder has problems, listing them', async () => {
    const root = await fixtureCopy('valid', { 'services/shop.yaml': 'name: Shop\nteem: Web\n' });
    const run = await notify(['shop@1.0.0', '--to', hook(), '--format', 'dingtalk', '--content', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/services\/shop\.yaml:2:1 {2}teem {2}is not a known field/);
    expect(run.stderr).toMatch(/notify: the content folder has 1 problem \(listed above\), so nothing was posted/);
    expect(received).toEqual([]);
  });

  it('exits 2 for usage errors, never echoing a URL', async () => {
    const noUrl = await notify(['payment-gateway@2.4.0', '--format', 'dingtalk', '--content', SAMPLE]);
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toBe('notify: no webhook URL (pass --to <url> or set SHIPLOG_WEBHOOK_URL; --dry-run prints the payload without one)\n');
    const unknownHost = await notify(['payment-gateway@2.4.0', '--to', hook(), '--content', SAMPLE]);
    expect(unknownHost.status).toBe(2);
    expect(unknownHost.stderr).toBe(`notify: cannot tell the platform from the webhook host (${REDACTED()}) (pass --format dingtalk|feishu|wecom|slack)\n`);
    const badFormat = await notify(['payment-gateway@2.4.0', '--to', hook(), '--format', 'dingtlk', '--content', SAMPLE]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toBe('notify: unknown format "dingtlk" (did you mean `dingtalk`?)\n');
    const twoPositionals = await notify(['payment-gateway@2.4.0', hook(), '--format', 'dingtalk', '--content', SAMPLE]);
    expect(twoPositionals.status).toBe(2);
    expect(twoPositionals.stderr.split('\n')[0]).toBe('notify: one release at a time, got 2 arguments');
  });
});
