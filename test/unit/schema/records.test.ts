/** One schema per record kind: a valid example from the spec, then each class of invalid input. */
import { describe, expect, it } from 'vitest';
import {
  processSchema,
  releaseSchema,
  retrospectiveSchema,
  serviceSchema,
  siteSchema,
  testReportSchema,
} from '../../../src/schema/index.ts';
import { parseErrorMap } from '../../../src/model/schema-issues.ts';

const check = (schema: { safeParse: (d: unknown, p: object) => Parsed }, data: unknown) => schema.safeParse(data, { error: parseErrorMap });
type Parsed = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code: string }[] } };
/** Issues as `path: message`, with the loader's wording for issues a schema leaves to it. */
const messages = (result: Parsed) =>
  (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.code === 'unrecognized_keys' ? 'unknown key' : i.message}`);

describe('site', () => {
  const site = { title: '交付中心发布门户', roles: { dev: '开发', qa: '测试' } };
  it('fills defaults: zh-CN, UTC, bug gate A0 B0 C5', () => {
    const parsed = siteSchema.parse(site);
    expect(parsed.locale).toBe('zh-CN');
    expect(parsed.timezone).toBe('UTC');
    expect(parsed.bugGate).toEqual({ A: 0, B: 0, C: 5 });
  });
  it('needs a title and at least one role', () => {
    expect(messages(check(siteSchema, { roles: {} }))).toEqual(['title: is required', 'roles: must define at least one role']);
  });
  it('rejects an unknown time zone and locale', () => {
    const result = check(siteSchema, { ...site, timezone: 'Asia/Beijing', locale: 'fr' });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain('timezone: must be an IANA time zone such as Asia/Shanghai or UTC');
  });
  it('rejects unknown keys but keeps extra', () => {
    expect(check(siteSchema, { ...site, extra: { anything: [1, 2] } }).success).toBe(true);
    expect(messages(check(siteSchema, { ...site, tittle: 'x' }))).toEqual([': unknown key']);
  });
});

describe('service', () => {
  it('accepts the spec example', () => {
    const result = check(serviceSchema, {
      name: '支付网关',
      description: '对外支付与退款接口',
      team: '交易组',
      repo: 'https://git.example.com/pay/gateway',
      dashboards: [{ title: 'Grafana 支付大盘', url: 'https://grafana.example.com/d/pay' }],
    });
    expect(result.success).toBe(true);
  });
  it('refuses a javascript: repo link', () => {
    expect(messages(check(serviceSchema, { name: 'x', repo: 'javascript:alert(1)' }))).toEqual(['repo: must be an absolute http: or https: URL']);
  });
});

describe('process', () => {
  const stage = { id: 'submit-test', title: '提交测试', owner: 'dev', statuses: ['planned', 'testing'] };
  it('accepts stages with checklists and rules', () => {
    const parsed = processSchema.parse({
      title: '标准上线流程',
      stages: [{ ...stage, checklist: [{ id: 'bugs', text: '无 A、B 级缺陷', rule: 'bug-gate' }, { id: 'ok', text: '审批', rule: 'approvals', roles: ['lead'] }] }],
    });
    expect(parsed.stages[0]?.checklist[0]?.required).toBe(true);
  });
  it('rejects a rule it does not know', () => {
    const result = check(processSchema, { title: 'x', stages: [{ ...stage, checklist: [{ id: 'a', text: 'a', rule: 'bug-gates' }] }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['stages', 0, 'checklist', 0, 'rule']);
  });
  it('needs roles with rule: approvals', () => {
    const result = check(processSchema, { title: 'x', stages: [{ ...stage, checklist: [{ id: 'a', text: 'a', rule: 'approvals' }] }] });
    expect(messages(result)).toEqual(['stages.0.checklist.0.roles: is required with rule: approvals (the roles that must approve)']);
  });
  it('needs at least one stage', () => {
    expect(messages(check(processSchema, { title: 'x', stages: [] }))).toEqual(['stages: must list at least one stage']);
  });
});

describe('release', () => {
  const planned = { service: 'payment-gateway', version: '2.4.0', process: 'standard', status: 'planned' };
  const released = {
    ...planned,
    status: 'released',
    window: { start: '2026-03-12T22:00:00+08:00', end: '2026-03-12T23:30:00+08:00' },
    actual: { start: '2026-03-12T22:05:00+08:00', downtime: '12m' },
    baseline: { commit: '9f1c2ab' },
    plan: { rollback: { steps: ['部署 2.2.4 镜像'], estimate: '20m' } },
  };
  it('accepts a planned release with only the essentials, defaulting type to standard', () => {
    expect(releaseSchema.parse(planned).type).toBe('standard');
  });
  it('parses durations into minutes', () => {
    const parsed = releaseSchema.parse(released);
    expect(parsed.actual?.downtime).toBe(12);
    expect(parsed.plan?.rollback?.estimate).toBe(20);
  });
  it('requires window, actual, baseline and rollback steps by status', () => {
    expect(messages(check(releaseSchema, { ...planned, status: 'released' }))).toEqual([
      'window: is required when status is released',
      'plan.rollback.steps: are required when status is released (回滚方案)',
      'actual: is required when status is released (what happened)',
      'baseline: needs commit or tag when status is released',
    ]);
    expect(messages(check(releaseSchema, { ...released, status: 'rolled-back' }))).toEqual(['rolledBack: is required when status is rolled-back']);
  });
  it('reports required-by-status fields together with other field problems', () => {
    const result = check(releaseSchema, { ...planned, status: 'deploying', type: 'urgent' });
    expect(messages(result).map((m) => m.split(':')[0])).toEqual(['type', 'window', 'plan.rollback.steps']);
  });
  it('checks checklist entries: n/a needs a note, waived needs by and note', () => {
    const result = check(releaseSchema, { ...planned, checklist: { a: 'done', b: { state: 'n/a' }, c: { state: 'waived', note: '特批' }, d: 'skipped' } });
    expect(messages(result)).toEqual([
      'checklist.b.note: is required for n/a (why the item does not apply)',
      'checklist.c.by: is required for waived (who waived it)',
      'checklist.d: must be done, pending, n/a or waived, or { state, by, at, evidence, note }',
    ]);
  });
  it('rejects a short commit, an irreversible script without reason and an unknown component kind', () => {
    const result = check(releaseSchema, {
      ...planned,
      baseline: { commit: 'abc' },
      plan: {
        components: [{ id: 'db', title: 'DB', kind: 'db', action: 'migrate' }],
        dbScripts: [{ file: 'attachments/a.sql', irreversible: true }],
      },
    });
    expect(messages(result).map((m) => m.split(':')[0])).toEqual(['baseline.commit', 'plan.components.0.kind', 'plan.dbScripts.0.reason']);
  });
  it('rejects a DB script path that escapes the content folder', () => {
    const result = check(releaseSchema, { ...planned, plan: { dbScripts: [{ file: '../secrets.sql', rollback: '/etc/passwd' }] } });
    expect(messages(result)).toEqual([
      'plan.dbScripts.0.file: must be a path inside the content folder (no leading / and no ..)',
      'plan.dbScripts.0.rollback: must be a path inside the content folder (no leading / and no ..)',
    ]);
  });
});

describe('test report', () => {
  const report = { release: 'payment-gateway@2.3.0', title: '2.3.0 系统测试报告', stage: 'system', verdict: 'pass' };
  it('accepts bugs as a list or as counts', () => {
    expect(check(testReportSchema, { ...report, bugs: [{ id: 'BUG-1', title: 'x', severity: 'B', status: 'fixed' }] }).success).toBe(true);
    expect(testReportSchema.parse({ ...report, bugCounts: { A: { closed: 1 } } }).bugCounts?.A).toEqual({ open: 0, closed: 1 });
  });
  it('refuses both bugs and bugCounts', () => {
    expect(messages(check(testReportSchema, { ...report, bugs: [], bugCounts: {} }))).toEqual(['bugCounts: cannot be given together with bugs: use one of them']);
  });
  it('rejects an unknown stage, round 0 and an unknown bug status', () => {
    const result = check(testReportSchema, { ...report, stage: 'uat', round: 0, bugs: [{ id: 'B', title: 'x', severity: 'B', status: 'wontfix' }] });
    expect(messages(result).map((m) => m.split(':')[0])).toEqual(['stage', 'round', 'bugs.0.status']);
  });
  it('checks manual case totals add up', () => {
    expect(messages(check(testReportSchema, { ...report, cases: { total: 10, passed: 9, failed: 2 } }))).toEqual([
      'cases.total: is 10, less than passed + failed + skipped + blocked (11)',
    ]);
  });
});

describe('retrospective', () => {
  const retro = { title: '回滚复盘', releases: ['payment-gateway@2.3.0'], date: '2026-03-14' };
  it('accepts the spec example', () => {
    const parsed = retrospectiveSchema.parse({
      ...retro,
      outcome: 'rolled-back',
      incident: { severity: 'P2', detected: '2026-03-12T23:25:00+08:00', resolved: '2026-03-12T23:55:00+08:00' },
      actions: [{ title: '对账任务限流', owner: '张伟', due: '2026-03-20' }],
    });
    expect(parsed.actions[0]?.status).toBe('open');
  });
  it('needs at least one release and a date', () => {
    expect(messages(check(retrospectiveSchema, { title: 'x', releases: [] })).map((m) => m.split(':')[0])).toEqual(['releases', 'date']);
  });
  it('rejects an unknown incident severity', () => {
    expect(check(retrospectiveSchema, { ...retro, incident: { severity: 'P0' } }).success).toBe(false);
  });
});
