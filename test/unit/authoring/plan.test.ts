/** The pure parts of `npm run new`: templates, version proposals, the process rule, the plan of a record. */
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/model/load.ts';
import { noTerminal } from '../../../src/cli/new/ask.ts';
import { planRecord } from '../../../src/cli/new/plan.ts';
import { processFor } from '../../../src/cli/new/propose.ts';
import { renderTemplate, todoLines } from '../../../src/cli/new/template.ts';
import { asSemver, proposeVersion } from '../../../src/cli/new/versions.ts';
import { REPO } from '../helpers.ts';

describe('templates', () => {
  it('substitutes, drops lines whose value is missing, and uses fallbacks', () => {
    const out = renderTemplate('a: {{a}}\nb: {{b}}\nc: {{c|TODO c}}\n', { a: '1' });
    expect(out).toBe('a: 1\nc: TODO c\n');
  });

  it('keeps a guarded line only when the value is (or is not) there', () => {
    const t = '{{?x}}has: {{x}}\n{{^x}}# x: …\n';
    expect(renderTemplate(t, { x: 'y' })).toBe('has: y\n');
    expect(renderTemplate(t, {})).toBe('# x: …\n');
  });

  it('indents the lines of a block value and keeps a trailing comment in its column', () => {
    expect(renderTemplate('  {{people}}\n', { people: 'people:\n  dev: Ann' })).toBe('  people:\n    dev: Ann\n');
    expect(renderTemplate('v: {{v}}          # note\n', { v: '"10.20.30"' })).toBe('v: "10.20.30"     # note\n');
    expect(renderTemplate('v: {{v}}  # note\n', { v: '"a-long-value"' })).toBe('v: "a-long-value" # note\n');
  });

  it('lists the lines still marked TODO, skipping comment-only guidance', () => {
    expect(todoLines('# fill in TODO values\nsummary: TODO x\n<!-- TODO body -->\n')).toEqual([
      { line: 2, text: 'summary: TODO x' },
      { line: 3, text: '<!-- TODO body -->' },
    ]);
  });
});

describe('version proposals', () => {
  it.each([
    ['2.5.0', 'minor', '2.6.0'],
    ['2.5.0', 'patch', '2.5.1'],
    ['3.11', 'minor', '3.12'],
    ['3.11', 'patch', '3.11.1'],
    ['1.5.0-beta.1', 'minor', '1.5.0'],
    ['2024.03-hotfix1', 'minor', undefined],
  ] as const)('%s, %s bump -> %s', (last, bump, next) => {
    expect(proposeVersion(last, bump)).toBe(next);
  });

  it('skips versions that already exist', () => {
    expect(proposeVersion('2.5.0', 'minor', new Set(['2.6.0', '2.7.0']))).toBe('2.8.0');
  });

  it('reads two-part versions as semver', () => {
    expect(asSemver('3.10')?.version).toBe('3.10.0');
    expect(asSemver('release-7')).toBeUndefined();
  });
});

describe('the process for a release type', () => {
  const processes = (entries: [string, string][]) =>
    new Map(entries.map(([id, title]) => [id, { id, data: { title } }])) as unknown as Parameters<typeof processFor>[1];

  it('a hotfix takes the process whose id or title says hotfix, else the first', () => {
    expect(processFor('hotfix', processes([['standard', 'Standard'], ['urgent', 'Urgent (hotfix)']]))?.id).toBe('urgent');
    expect(processFor('hotfix', processes([['standard', 'Standard']]))?.id).toBe('standard');
  });

  it('another type takes the process named after it, else the first that is not for hotfixes', () => {
    const all = processes([['hotfix', 'Hotfix'], ['normal', 'Normal'], ['temporary', 'Temporary']]);
    expect(processFor('temporary', all)?.id).toBe('temporary');
    expect(processFor('standard', all)?.id).toBe('normal');
  });
});

describe('planRecord on the sample content', () => {
  it('proposes from the folder and writes a YAML schema comment for a folder inside the repository', async () => {
    const { content } = await loadContent(path.join(REPO, 'content'));
    const today = DateTime.fromISO('2026-11-24', { zone: 'Asia/Shanghai' });
    const ctx = { content, ask: noTerminal, today, schemasDir: path.join(REPO, 'schemas') };

    const service = await planRecord('service', { id: 'risk-engine', name: '风控引擎' }, ctx);
    expect(service.file).toBe('services/risk-engine.yaml');
    expect(service.text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/service.schema.json');

    const hotfix = await planRecord('hotfix', { service: 'payment-gateway' }, ctx);
    expect(hotfix.file).toBe('releases/payment-gateway/2.4.1.md'); // 2.4.0 is in production; 2.5.0 is not out yet
    expect(hotfix.text).toContain('process: hotfix ');
    expect(hotfix.text).toContain('#   start: 2026-11-24T22:00:00+08:00');

    const release = await planRecord('release', { service: 'mobile-app' }, ctx);
    expect(release.file).toBe('releases/mobile-app/3.12.md'); // two-part versions stay two-part

    const report = await planRecord('test-report', { release: 'payment-gateway@2.3.0', stage: 'system' }, ctx);
    expect(report.file).toBe('test-reports/payment-gateway/2.3.0-system-r3.md');
    expect(report.text).toContain('title: 支付网关 2.3.0 系统测试报告');
    expect(report.text).toContain('# environment: …                       # 测试环境 dev | test | staging | prod');
  });
});
