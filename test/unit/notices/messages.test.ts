/**
 * The three notices written from records: release notes (发布说明), the formal notice
 * (正式发布通知) and the baseline notice (发布基线通知), in zh-CN (sample content) and en (the
 * `valid` fixture); parts a record lacks are left out; record text is escaped in every format;
 * the baseline lists components in deploy order.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import type { Content } from '../../../src/model/content.ts';
import { buildNotice, noticeFilePath, noticePagePath, renderHtmlEmail, renderMarkdown, renderText, type NoticeDocument } from '../../../src/model/notices/index.ts';
import { FIXTURES, fixtureCopy, REPO } from '../helpers.ts';

async function load(root: string): Promise<Content> {
  const { content, problems } = await loadContent(root);
  expect(problems).toEqual([]);
  return content;
}

const sample = await load(path.join(REPO, 'content'));
const fixture = await load(path.join(FIXTURES, 'valid'));

function notice(content: Content, ref: string, kind: NoticeDocument['kind']): NoticeDocument {
  const release = content.releaseByRef.get(ref);
  if (!release) throw new Error(`no release ${ref}`);
  return buildNotice(content, release, kind);
}

const lines = (text: string) => text.split('\n');
const headings = (doc: NoticeDocument) => doc.sections.map((s) => `${'#'.repeat(s.level)} ${s.heading}`);

describe('release notes (发布说明), zh-CN', () => {
  const doc = notice(sample, 'payment-gateway@2.4.0', 'notes');
  const md = renderMarkdown(doc);

  it('has the parts of the reference process, in its order', () => {
    expect(doc.title).toBe('支付网关 2.4.0 发布说明');
    expect(headings(doc)).toEqual(['## 产品版本说明', '## 产品概要介绍', '## 本次发布包含的文件包、文档说明', '## 新增功能特性说明', '## 遗留问题、影响说明', '## 版权声明']);
  });

  it('writes the record into them', () => {
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '# 支付网关 2.4.0 发布说明',
        '- **版本号**：`2.4.0`',
        '- **发布类型**：标准发布',
        '- **发布时间**：2026/06/18 22:00 (UTC+08:00)',
        '- **标签**：`v2.4.0`',
        '对外支付、退款与对账接口，对接银联、网联及第三方支付渠道',
        '新增分账能力，回调签名升级为 SM2，敏感字段 SM4 加密存储',
        '- 网关 API(应用服务，部署)',
        '- [001_split_account.sql](https://releases.example.com/attachments/payment-gateway/2.4.0/001_split_account.sql)',
        '- [禅道发布单](https://zentao.example.com/release-104.html)',
        '**不兼容变更**',
        '- 回调签名升级为 SM2，旧 RSA 签名 9 月 30 日停用 `PAY-1275`',
        '- \\[C 级 · 一般\\] 分账回退在渠道对账日切时刻偶发延迟 1 分钟入账 `BUG-3460`',
        '© 2026 布比科技',
      ]),
    );
    // A released release does not say its status; the changes follow the kinds' order.
    expect(md).not.toContain('**状态**');
    expect(md.indexOf('**新功能**')).toBeLessThan(md.indexOf('**问题修复**'));
  });

  it('reads as plain text with headings underlined to their width', () => {
    const txt = renderText(doc);
    expect(txt.startsWith('支付网关 2.4.0 发布说明\n=======================\n\n产品版本说明\n------------\n\n产品：支付网关\n版本号：2.4.0\n')).toBe(true);
    expect(txt).toContain('- 禅道发布单 (https://zentao.example.com/release-104.html)');
    expect(txt).not.toMatch(/[`*\\]/);
  });
});

describe('the formal notice (正式发布通知), zh-CN', () => {
  it('goes to site.notice.audience, says when it was released, links the portal and includes the notes', () => {
    const doc = notice(sample, 'payment-gateway@2.4.0', 'formal');
    const txt = renderText(doc);
    expect(lines(txt).slice(0, 10)).toEqual([
      '【正式发布通知】支付网关 2.4.0',
      '==============================',
      '',
      '致：开发、测试、运维、产品、市场、销售',
      '',
      '支付网关 2.4.0 已于 2026/06/18 22:00 (UTC+08:00) 正式发布。',
      '',
      '发布详情：https://releases.example.com/releases/payment-gateway/2.4.0/',
      '',
      '产品发布说明如下。',
    ]);
    expect(headings(doc)).toEqual(['## 发布说明', '### 产品版本说明', '### 产品概要介绍', '### 本次发布包含的文件包、文档说明', '### 新增功能特性说明', '### 遗留问题、影响说明', '### 版权声明']);
    expect(doc.sections.map((s) => s.id)).toContain('notes-changes');
  });

  it('announces a rolled-back release as rolled back, with the reason', () => {
    const md = renderMarkdown(notice(sample, 'payment-gateway@2.3.0', 'formal'));
    expect(md).toContain('支付网关 2.3.0 于 2026/03/12 22:05 (UTC+08:00) 上线，已于 2026/03/12 23:40 (UTC+08:00) 回滚至 2.2.4。');
    expect(md).toContain('回滚原因：对账任务全表扫描导致数据库 CPU 飙高，支付成功率跌至 97.8%');
    expect(md).toContain('- **状态**：已回滚');
    expect(md).not.toContain('正式发布。');
  });
});

describe('the baseline notice (发布基线通知)', () => {
  it('lists what is deployed and the components in deploy order, with the DB scripts run', () => {
    const md = renderMarkdown(notice(sample, 'payment-gateway@2.4.0', 'baseline'));
    const order = lines(md).filter((l) => l.startsWith('- **第 '));
    expect(order).toEqual([
      '- **第 1 步**：分账表与加密字段迁移(数据库，迁移) `split-db`；国密 KMS 密钥配置(配置，配置) `kms-config`',
      '- **第 2 步**：网关 API(应用服务，部署) `gateway-api`',
      '- **第 3 步**：存量敏感字段加密任务(任务，部署) `encrypt-job`；订单服务重启(刷新签名证书)(应用服务，重启) `order-restart`；商户门户分账配置页(前端，部署) `portal`',
    ]);
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        '# 【发布基线通知】支付网关 2.4.0',
        '- **分支**：`release/2.4.0`',
        '- **提交**：`7d2e9a41c08f5b63e1a9d7c2b4f6081e5a3c9d20`',
        '- **回滚版本**：`2.3.1`',
        '- **代码仓库**：[https://git.example.com/pay/gateway](https://git.example.com/pay/gateway)',
        '- [001_split_account.sql](https://releases.example.com/attachments/payment-gateway/2.4.0/001_split_account.sql)：赵敏 于 2026/06/18 21:40 (UTC+08:00) 执行；回滚脚本 [001_split_account_rollback.sql](https://releases.example.com/attachments/payment-gateway/2.4.0/001_split_account_rollback.sql)',
        '- 清结算批处理',
        '支付、退款接口停机 15 分钟；回调重试延后；清结算任务顺延 30 分钟',
        '- **DBA**：赵敏',
      ]),
    );
    expect(md).toContain('不可回滚：删除明文卡号列(合规要求)');
  });

  it('puts a component after everything it depends on, whatever the plan order', async () => {
    const original = await readFile(path.join(FIXTURES, 'valid/releases/shop/1.0.0.md'), 'utf8');
    const components =
      '    - { id: web, title: Web, kind: frontend, action: deploy, dependsOn: [api] }\n' +
      '    - { id: cache, title: Cache, kind: external, action: install }\n' +
      '    - { id: api, title: API, kind: service, action: deploy, dependsOn: [db, cache] }\n' +
      '    - { id: db, title: Database, kind: database, action: migrate }';
    const patched = original.replace(/    - \{ id: db.*\n    - \{ id: api.*/, components);
    expect(patched).not.toBe(original);
    const content = await load(await fixtureCopy('valid', { 'releases/shop/1.0.0.md': patched }));
    const order = lines(renderText(notice(content, 'shop@1.0.0', 'baseline'))).filter((l) => l.startsWith('- Step'));
    expect(order).toEqual(['- Step 1: Cache (External software, install) cache; Database (Database, migrate) db', '- Step 2: API (Service, deploy) api', '- Step 3: Web (Frontend, deploy) web']);
  });
});

describe('in English, with the parts a record lacks left out (the valid fixture)', () => {
  it('writes the release notes without summary, changes, known issues or copyright', () => {
    const doc = notice(fixture, 'shop@1.0.0', 'notes');
    expect(doc.title).toBe('Release notes: Shop 1.0.0');
    expect(headings(doc)).toEqual(['## Version', '## Packages and documents']);
    expect(lines(renderMarkdown(doc))).toEqual(
      expect.arrayContaining(['- **Product**: Shop', '- **Version**: `1.0.0`', '- **Released**: 03/12/2026, 22:05 (UTC+08:00)', '**Deployed**', '- Database (Database, migrate)', '- `001.sql`']),
    );
  });

  it('writes a formal notice with no addressees and no portal link when site.yaml has neither', () => {
    const txt = renderText(notice(fixture, 'shop@1.0.0', 'formal'));
    expect(lines(txt).slice(0, 6)).toEqual(['Release notice: Shop 1.0.0', '==========================', '', 'Shop 1.0.0 was released on 03/12/2026, 22:05 (UTC+08:00).', '', 'The release notes follow.']);
    expect(txt).not.toMatch(/To:|Release page|Copyright|undefined|TODO/);
  });

  it('says a planned release is not scheduled, and its baseline has only what the record has', () => {
    expect(renderText(notice(fixture, 'shop@1.1.0', 'formal'))).toContain('Shop 1.1.0 has no go-live window yet (status: Planned).');
    const baseline = notice(fixture, 'shop@1.1.0', 'baseline');
    expect(headings(baseline)).toEqual(['## Baseline']);
    expect(lines(renderText(baseline))).toEqual(['Release baseline: Shop 1.1.0', '============================', '', 'The release baseline of Shop 1.1.0 is below, for everyone concerned to note and for the manager to audit.', '', 'Baseline', '--------', '', 'Product: Shop shop', 'Version: 1.1.0', 'Release type: Standard', 'Repository: https://git.example.com/shop', '']);
  });
});

describe('record text is escaped in every format', () => {
  const HOSTILE = '<script>alert(1)</script> **bold** [x](javascript:alert(1)) & &amp;';

  it('never lets a record title become markup', async () => {
    const root = await fixtureCopy('valid', {
      'releases/shop/1.1.0.mdx': `---\nservice: shop\nversion: "1.1.0"\ntitle: "${HOSTILE}"\nprocess: standard\nstatus: planned\nchanges:\n  - { kind: feature, title: "<img src=x onerror=alert(1)>", ticket: "T-1</code>" }\n---\nPlanned.\n`,
    });
    const content = await load(root);
    for (const kind of ['notes', 'formal', 'baseline'] as const) {
      const doc = notice(content, 'shop@1.1.0', kind);
      const html = renderHtmlEmail(doc);
      const dom = new JSDOM(html).window.document;
      expect(dom.querySelectorAll('script, img, iframe, object, embed').length).toBe(0);
      expect([...dom.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()).filter((name) => name.startsWith('on'))).toEqual([]);
      for (const a of dom.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](javascript:alert(1)) &amp; &amp;amp;');
      const md = renderMarkdown(doc);
      expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\[x\\](javascript:alert(1)) & \\&amp;');
      expect(renderText(doc)).toContain(HOSTILE);
    }
    const html = renderHtmlEmail(notice(content, 'shop@1.1.0', 'notes'));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; <code style=');
    expect(html).toContain('T-1&lt;/code&gt;</code>');
  });

  it('writes a self-contained e-mail: inline styles, no script, style sheet, image or external asset', () => {
    const html = renderHtmlEmail(notice(sample, 'payment-gateway@2.4.0', 'formal'));
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>【正式发布通知】支付网关 2.4.0</title>');
    expect(html).not.toMatch(/<(script|style|link|img|iframe)\b|src=|url\(/i);
    expect(html).toMatch(/<h1 style="[^"]+">【正式发布通知】支付网关 2.4.0<\/h1>/);
    expect(html).toContain('<a href="https://releases.example.com/releases/payment-gateway/2.4.0/" style="color:#1a55ad;">');
    // Every link goes to http(s).
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
  });
});

describe('where the notices are published', () => {
  it('has a page per message under the release, with its files next to it', () => {
    expect(noticePagePath('payment-gateway', '2.4.0', 'notes')).toBe('/releases/payment-gateway/2.4.0/notes/');
    expect(noticePagePath('payment-gateway', '2.4.0', 'formal')).toBe('/releases/payment-gateway/2.4.0/notice/');
    expect(noticeFilePath('payment-gateway', '2.4.0', 'baseline', 'html')).toBe('/releases/payment-gateway/2.4.0/baseline/baseline.html');
    expect(noticeFilePath('user-center', '4.2.1-tmp.1', 'formal', 'md')).toBe('/releases/user-center/4.2.1-tmp.1/notice/notice.md');
  });
});
