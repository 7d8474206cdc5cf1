/**
 * The benchmark's content generator: a content folder with N releases that passes
 * `npm run check`, gate included, and is the same bytes for the same seed.
 *
 * Shape (N releases): ~N/50 services; the sample's three processes (copied from ./content);
 * releases spread over five years with launch plans (components with dependsOn, DB scripts
 * with rollback files under attachments/), approvals, checklists, people and ~600-word
 * bodies; one test report per release (about a third with a JUnit file of 10–500 cases);
 * a retrospective per ~10 releases; ~10% of the bodies are `.mdx`.
 *
 * Gate-correct by construction: for each release the generator reads its process, finds
 * the stages the release has passed, and makes every required item of those stages hold
 * (manual items ticked, n/a or waived; rule items satisfied by the data it writes).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { processSchema, type Process } from '../../../src/schema/index.ts';
import { releaseBody, reportBody, retroBody, type BodyComponent } from './body.ts';
import { junitXml, type JUnitPlan } from './junit.ts';
import { Rng } from './prng.ts';
import { dateOnly, dateTime, DAY, localInstant, MINUTE, y, yList } from './text.ts';
import {
  ACTIONS,
  BUG_PHRASES,
  DB_TABLES,
  EXTERNAL_INSTALLS,
  NA_NOTES,
  OBJECTS_ZH,
  ORDINALS,
  PEOPLE,
  REASONS_ROLLBACK,
  SERVICES,
  TECH_EN,
  VERBS_ZH,
  WAIVE_NOTES,
  type ServiceKind,
  type ServiceSeed,
} from './vocab.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface GenerateOptions {
  /** Folder to write into (created; existing files with the same names are overwritten). */
  root: string;
  releases: number;
  seed?: string;
  /** Where the three process files are copied from; default the repository's ./content. */
  sampleContent?: string;
}

export interface GenerateSummary {
  seed: string;
  releases: number;
  services: number;
  testReports: number;
  retrospectives: number;
  junitFiles: number;
  junitCases: number;
  dbScripts: number;
  mdxRecords: number;
  files: number;
  bytes: number;
  statuses: Record<string, number>;
}

/** Five years of releases, ending mid-2026 (fixed, so that the output never depends on the clock). */
const TIMELINE_START = Date.UTC(2021, 6, 1);
const TIMELINE_DAYS = 5 * 365;
const IN_PROGRESS = ['planned', 'testing', 'staging', 'ready', 'deploying'] as const;
const STAGE_ZH: Record<string, string> = {
  system: '系统', integration: '集成', acceptance: '验收', staging: '预热', smoke: '冒烟', regression: '回归', performance: '性能', security: '安全',
};

interface Team {
  dev: string[];
  lead: string;
  qa: string[];
  ops: string;
  dba: string;
  pm: string;
}

interface Service {
  id: string;
  name: string;
  team: string;
  kind: ServiceKind;
  domain: readonly string[];
  people: Team;
  ticketPrefix: string;
}

interface ReleasePlan {
  service: Service;
  version: string;
  type: 'standard' | 'hotfix' | 'temporary';
  status: string;
  day: number;
  previous: string | undefined;
}

interface ReleaseFacts {
  ref: string;
  service: Service;
  version: string;
  status: string;
  windowStart: number | undefined;
  end: number;
}

class Files {
  readonly map = new Map<string, string>();
  add(file: string, text: string): void {
    if (this.map.has(file)) throw new Error(`generator bug: ${file} written twice`);
    this.map.set(file, text);
  }
}

export async function generateContent(options: GenerateOptions): Promise<GenerateSummary> {
  const seed = options.seed ?? '1';
  const n = Math.max(1, Math.floor(options.releases));
  const rng = new Rng(`shiplog-bench:${seed}:${n}`);
  const files = new Files();
  const sample = options.sampleContent ?? path.join(REPO, 'content');
  const processes = await copyProcesses(sample, files);

  files.add('site.yaml', SITE_YAML);
  const services = makeServices(rng.fork('services'), Math.max(1, Math.round(n / 50)));
  for (const s of services) files.add(`services/${s.id}.yaml`, serviceYaml(s, rng));

  const plans = planReleases(rng.fork('timeline'), services, n);
  const summary: GenerateSummary = {
    seed, releases: n, services: services.length, testReports: 0, retrospectives: 0, junitFiles: 0, junitCases: 0, dbScripts: 0, mdxRecords: 0, files: 0, bytes: 0, statuses: {},
  };
  const facts: ReleaseFacts[] = [];
  const bugIds = { next: 1000 };
  const releaseRng = rng.fork('releases');
  for (const plan of plans) {
    const process = processes.get(plan.type);
    if (!process) throw new Error(`the sample content has no ${plan.type} process`);
    facts.push(writeRelease(releaseRng.fork(`${plan.service.id}@${plan.version}`), plan, process, files, summary, bugIds));
    summary.statuses[plan.status] = (summary.statuses[plan.status] ?? 0) + 1;
  }
  writeRetrospectives(rng.fork('retrospectives'), facts, Math.max(1, Math.round(n / 10)), files, summary);

  const entries = [...files.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const dirs = new Set(entries.map(([file]) => path.dirname(path.join(options.root, file))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  for (const [file, text] of entries) {
    await writeFile(path.join(options.root, file), text);
    summary.bytes += Buffer.byteLength(text);
  }
  summary.files = entries.length;
  return summary;
}

const SITE_YAML = `# Shiplog 基准测试内容(由 test/bench/generate 生成，请勿手改)
title: 交付中心发布门户(基准测试)
organization: 布比科技
locale: zh-CN
timezone: Asia/Shanghai
baseUrl: https://releases.example.com
roles:
  dev: 开发
  lead: 技术负责人
  qa: 测试
  ops: 运维
  dba: DBA
  pm: 产品经理
bugGate:
  A: 0
  B: 0
  C: 5
links:
  - { title: 禅道, url: https://zentao.example.com }
  - { title: 自动化部署平台, url: https://deploy.example.com }
  - { title: 监控大盘, url: https://grafana.example.com }
environments:
  - { id: dev, title: 开发环境, owner: dev }
  - { id: test, title: 测试环境, owner: qa }
  - { id: staging, title: 预热环境, owner: ops }
  - { id: prod, title: 生产环境, owner: ops }
notice:
  copyright: © 2026 布比科技
  audience: [开发, 测试, 运维, 产品, 市场, 销售]
`;

/** Copies the sample's process files and parses them with the portal's own schema. */
async function copyProcesses(sample: string, files: Files): Promise<Map<string, Process>> {
  const dir = path.join(sample, 'processes');
  const out = new Map<string, Process>();
  for (const name of (await readdir(dir)).sort()) {
    if (!/^[a-z0-9][a-z0-9-]*\.mdx?$/.test(name)) continue;
    const text = await readFile(path.join(dir, name), 'utf8');
    files.add(`processes/${name}`, text);
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!front) throw new Error(`${dir}/${name} has no frontmatter`);
    out.set(name.replace(/\.mdx?$/, ''), processSchema.parse(parseYaml(front[1]!)));
  }
  return out;
}

function makeServices(rng: Rng, count: number): Service[] {
  const services: Service[] = [];
  for (let k = 0; k < count; k++) {
    const base: ServiceSeed = SERVICES[k % SERVICES.length]!;
    const round = Math.floor(k / SERVICES.length);
    const people = rng.sample(PEOPLE, 8);
    services.push({
      id: round === 0 ? base.id : `${base.id}-${round + 1}`,
      name: round === 0 ? base.name : `${base.name}(${ORDINALS[round - 1] ?? round + 1}期)`,
      team: base.team,
      kind: base.kind,
      domain: base.domain,
      people: { dev: [people[0]!, people[1]!], lead: people[2]!, qa: [people[3]!, people[4]!], ops: people[5]!, dba: people[6]!, pm: people[7]! },
      ticketPrefix: base.id.split('-').map((w) => w[0]!.toUpperCase()).join('') + (round === 0 ? '' : String(round + 1)),
    });
  }
  return services;
}

function serviceYaml(s: Service, rng: Rng): string {
  const lines = [`name: ${y(s.name)}`, `description: ${y(`${s.name}：${s.domain.join('、')}`)}`, `team: ${y(s.team)}`, `repo: https://git.example.com/${s.id}`];
  if (rng.chance(0.7)) lines.push('dashboards:', `  - { title: ${y(`${s.name}大盘`)}, url: https://grafana.example.com/d/${s.id} }`);
  return `${lines.join('\n')}\n`;
}

/** Dates, services, types, versions and statuses of all releases, in time order per service. */
function planReleases(rng: Rng, services: readonly Service[], n: number): ReleasePlan[] {
  const days = Array.from({ length: n }, () => TIMELINE_START + Math.floor(rng.next() * TIMELINE_DAYS) * DAY).sort((a, b) => a - b);
  const byService = new Map<Service, number[]>(services.map((s) => [s, []]));
  days.forEach((day, i) => byService.get(i < services.length ? services[i]! : rng.pick(services))!.push(day));
  const plans: ReleasePlan[] = [];
  for (const service of services) {
    const list = byService.get(service)!.sort((a, b) => a - b);
    let major = rng.int(1, 5);
    let minor = rng.int(0, 9);
    let patch = 0;
    let tmp = 0;
    let previous: string | undefined;
    list.forEach((day, i) => {
      const fromEnd = list.length - 1 - i;
      const type = i === 0 ? 'standard' : rng.weighted({ standard: 75, hotfix: 17, temporary: 8 });
      let version: string;
      if (type === 'standard') {
        if (rng.chance(0.05)) [major, minor] = [major + 1, 0];
        else minor += 1;
        patch = 0;
        tmp = 0;
        version = `${major}.${minor}.${patch}`;
      } else if (type === 'hotfix') {
        patch += 1;
        version = `${major}.${minor}.${patch}`;
      } else {
        tmp += 1;
        version = `${major}.${minor + 1}.0-${rng.pick(['tmp', 'beta'])}.${tmp}`;
      }
      let status: string;
      if (fromEnd === 0 && rng.chance(0.85)) status = rng.pick(IN_PROGRESS);
      else if (fromEnd === 1 && rng.chance(0.25)) status = rng.pick(['planned', 'testing']);
      else status = rng.weighted({ released: 90, 'rolled-back': 5, cancelled: 5 });
      if (type === 'temporary' && status === 'rolled-back') status = 'released';
      plans.push({ service, version, type, status, day, previous });
      if (status === 'released') previous = version;
    });
  }
  return plans;
}

interface Gate {
  passed: Process['stages'];
  current: Process['stages'][number] | undefined;
  /** Rules of required items in passed stages: the data must make them pass. */
  rules: Set<string>;
  approvalRoles: Set<string>;
}

function gateOf(process: Process, status: string): Gate {
  const index = process.stages.findIndex((s) => s.statuses.includes(status as never));
  const passedCount = status === 'cancelled' || index < 0 ? 0 : status === 'released' ? index + 1 : index;
  const passed = process.stages.slice(0, passedCount);
  const rules = new Set<string>();
  const approvalRoles = new Set<string>();
  for (const stage of passed) {
    for (const item of stage.checklist) {
      if (item.required === false || !item.rule) continue;
      rules.add(item.rule);
      if (item.rule === 'approvals') for (const role of item.roles ?? []) approvalRoles.add(role);
    }
  }
  return { passed, current: index >= 0 && status !== 'cancelled' ? process.stages[index] : undefined, rules, approvalRoles };
}

interface Bug {
  id: string;
  title: string;
  severity: 'A' | 'B' | 'C' | 'D';
  status: 'open' | 'fixed' | 'closed' | 'deferred';
}

interface ReportPlan {
  verdict: 'pass' | 'fail' | 'conditional';
  bugs: Bug[];
  useCounts: boolean;
}

/** A test report's verdict and bugs; when the gate needs it, within site.bugGate and passing. */
function planReport(rng: Rng, gated: boolean, bugIds: { next: number }, service: Service): ReportPlan {
  const verdict = gated ? rng.weighted({ pass: 85, conditional: 15 }) : rng.weighted({ pass: 50, fail: 35, conditional: 15 });
  const bugs: Bug[] = [];
  let openC = 0;
  const count = rng.chance(0.8) ? rng.int(0, 7) : 0;
  for (let i = 0; i < count; i++) {
    const severity = rng.weighted({ A: 3, B: 15, C: 50, D: 32 });
    let status = rng.weighted({ open: 15, fixed: 15, closed: 60, deferred: 10 });
    if (gated && (severity === 'A' || severity === 'B')) status = 'closed';
    if (gated && severity === 'C' && (status === 'open' || status === 'fixed')) {
      if (openC >= 3) status = 'closed';
      else openC += 1;
    }
    if (status === 'deferred' && (severity === 'A' || severity === 'B')) status = 'closed';
    bugIds.next += 1;
    bugs.push({ id: `BUG-${bugIds.next}`, title: `${rng.pick(service.domain)}${rng.pick(BUG_PHRASES)}`, severity, status });
  }
  return { verdict, bugs, useCounts: bugs.length > 0 && rng.chance(0.2) };
}

function writeRelease(rng: Rng, plan: ReleasePlan, process: Process, files: Files, summary: GenerateSummary, bugIds: { next: number }): ReleaseFacts {
  const { service, version, status, type } = plan;
  const ref = `${service.id}@${version}`;
  const gate = gateOf(process, status);
  const team = service.people;
  const dev = rng.pick(team.dev);
  const qa = rng.pick(team.qa);
  const attachments = `attachments/${service.id}/${version}`;
  const goesLive = status === 'released' || status === 'rolled-back';
  const hasWindow = status !== 'planned' || rng.chance(0.5);
  const windowStart = hasWindow ? localInstant(plan.day, service.kind === 'app' ? 10 : rng.pick([20, 21, 22, 22, 23]), rng.pick([0, 0, 30])) : undefined;
  const windowEnd = windowStart === undefined ? undefined : windowStart + rng.int(2, 6) * 30 * MINUTE;
  const actualStart = windowStart === undefined ? undefined : windowStart + rng.int(0, 3) * 5 * MINUTE;
  const actualEnd = actualStart === undefined ? undefined : actualStart + rng.int(3, 12) * 10 * MINUTE;

  // The test report first: a deferred bug must stand in the release's knownIssues.
  const testsGated = gate.rules.has('tests-passed') || gate.rules.has('bug-gate');
  const report = planReport(rng, testsGated, bugIds, service);
  const hasDb = (service.kind === 'backend' || service.kind === 'job' ? rng.chance(0.45) : rng.chance(0.05)) && type !== 'temporary';
  const components = planComponents(rng, service, hasDb);
  const dbScripts: string[] = [];
  if (hasDb) {
    const tables = rng.sample(DB_TABLES, rng.int(1, 3));
    tables.forEach((table, i) => {
      const base = `${String(i + 1).padStart(3, '0')}_${table}`;
      const irreversible = i > 0 && rng.chance(0.1);
      files.add(`${attachments}/${base}.sql`, sqlScript(rng, table, ref, false));
      const lines = [`    - file: ${attachments}/${base}.sql`];
      if (irreversible) lines.push('      irreversible: true', `      reason: ${y(`删除 ${table} 的历史冗余列，数据已归档；回滚依赖全量备份恢复`)}`);
      else {
        files.add(`${attachments}/${base}_rollback.sql`, sqlScript(rng, table, ref, true));
        lines.push(`      rollback: ${attachments}/${base}_rollback.sql`);
      }
      if (goesLive || status === 'deploying') lines.push(`      executedBy: ${y(team.dba)}`, `      executedAt: ${dateTime(windowStart! - 20 * MINUTE + i * 8 * MINUTE)}`);
      dbScripts.push(...lines);
      summary.dbScripts += 1;
    });
  }

  const mdx = rng.chance(0.1);
  if (mdx) summary.mdxRecords += 1;
  const L: string[] = ['---', `service: ${service.id}`, `version: ${JSON.stringify(version)}`];
  if (rng.chance(0.9)) L.push(`title: ${y(`${service.name} ${version} ${type === 'hotfix' ? '紧急修复' : type === 'temporary' ? '临时版本' : '上线'}`)}`);
  L.push(`process: ${type}`, `type: ${type}`, `status: ${status}`);
  const changeCount = type === 'standard' ? rng.int(2, 7) : rng.int(1, 3);
  const changes = Array.from({ length: changeCount }, (_, i) => {
    const kind = type === 'hotfix' ? 'fix' : rng.weighted({ feature: 40, fix: 25, improvement: 20, security: 5, breaking: 3, chore: 7 });
    const title = rng.chance(0.25) ? `${rng.pick(VERBS_ZH)} ${rng.pick(TECH_EN)} 适配` : `${rng.pick(service.domain)}${rng.pick(VERBS_ZH)}${rng.pick(OBJECTS_ZH)}`;
    return `  - { kind: ${kind}, title: ${y(title)}, ticket: ${service.ticketPrefix}-${plan.day / DAY - 18000 + i} }`;
  });
  L.push(`summary: ${y(`${rng.pick(service.domain)}${rng.pick(VERBS_ZH)}${rng.pick(OBJECTS_ZH)}${status === 'cancelled' ? '(已取消，需求合入下个版本)' : ''}`)}`);
  if (windowStart !== undefined) L.push('window:', `  start: ${dateTime(windowStart)}`, `  end: ${dateTime(windowEnd!)}`);
  if (goesLive) {
    L.push('actual:', `  start: ${dateTime(actualStart!)}`, `  end: ${dateTime(actualEnd!)}`);
    if (rng.chance(0.5)) L.push(`  downtime: ${rng.pick(['5m', '10m', '15m', '30m', '1h', 20])}`);
  }
  L.push('people:', `  dev: ${y(dev)}`, `  lead: ${y(team.lead)}`, `  qa: ${y(qa)}`, `  ops: ${y(team.ops)}`);
  if (hasDb) L.push(`  dba: ${y(team.dba)}`);
  if (type === 'standard') L.push(`  pm: ${y(team.pm)}`);
  const needsBaseline = goesLive || gate.rules.has('baseline-recorded') || (status !== 'planned' && status !== 'testing' && status !== 'cancelled');
  if (needsBaseline || rng.chance(0.3)) {
    L.push('baseline:', `  branch: ${type === 'hotfix' ? 'hotfix' : type === 'temporary' ? 'feature' : 'release'}/${version}`, `  tag: v${version}`);
    if (rng.chance(0.8)) L.push(`  commit: ${y(rng.hex(rng.pick([7, 7, 10, 40])))}`);
    if (plan.previous) L.push(`  previous: ${JSON.stringify(plan.previous)}`);
  }
  L.push('changes:', ...changes);

  const deferred = report.bugs.filter((b) => b.status === 'deferred');
  const known = [...deferred.map((b) => `  - { title: ${y(b.title)}, severity: ${b.severity}, ticket: ${b.id} }`)];
  if (rng.chance(0.3)) known.push(`  - { title: ${y(`${rng.pick(service.domain)}${rng.pick(BUG_PHRASES)}`)}, severity: ${rng.pick(['C', 'D'])} }`);
  L.push(known.length > 0 ? 'knownIssues:' : 'knownIssues: []', ...known);

  // Launch plan.
  L.push('plan:', '  components:');
  for (const c of components) L.push(`    - { id: ${c.id}, title: ${y(c.title)}, kind: ${c.kind}, action: ${c.action}, dependsOn: [${c.dependsOn.join(', ')}] }`);
  const installs = components.filter((c) => c.kind === 'external');
  if (installs.length > 0) {
    L.push('  installs:');
    for (const c of installs) {
      const install = EXTERNAL_INSTALLS.find((e) => c.title.includes(e.name))!;
      L.push(`    - { name: ${y(install.name)}, reason: ${y(install.reason)} }`);
    }
  }
  L.push(rng.chance(0.3) ? `  stops: [${y(rng.pick(['定时对账任务', '商户回调重试队列', '报表导出任务']))}]` : '  stops: []');
  L.push(`  impact: ${y(rng.chance(0.5) ? `维护窗口内${rng.pick(service.domain)}相关接口不可用(约 ${rng.int(5, 30)} 分钟)` : '滚动发布，无业务影响')}`);
  if (dbScripts.length > 0) L.push('  dbScripts:', ...dbScripts);
  if (status !== 'planned' || rng.chance(0.5)) {
    L.push('  rollback:', `    trigger: ${y(`${rng.pick(['交易成功率低于 99% 持续 5 分钟', '接口错误率高于 1% 持续 5 分钟', '线上验证不通过', '窗口结束前未完成验证'])}`)}`, '    steps:');
    L.push(`      - ${y(`自动化部署平台回滚至 ${plan.previous ? `v${plan.previous}` : '上一版本'}`)}`);
    if (dbScripts.length > 0) L.push(`      - ${y('DBA 执行回滚脚本，确认数据一致')}`);
    L.push(`      - ${y('测试人员回归核心链路，运维确认监控恢复')}`, `    estimate: ${rng.pick(['10m', '20m', '30m', '1h', 45])}`);
  }

  // Approvals: every role a passed approvals item needs, plus some of the current stage's.
  const roles = new Set(gate.approvalRoles);
  for (const item of gate.current?.checklist ?? []) {
    if (item.rule === 'approvals') for (const role of item.roles ?? []) if (rng.chance(0.5)) roles.add(role);
  }
  const approvals: string[] = [];
  const approvalDay = (windowStart ?? plan.day) - rng.int(1, 3) * DAY;
  for (const role of [...roles].sort()) {
    const who = role === 'lead' ? team.lead : role === 'pm' ? team.pm : role === 'ops' ? team.ops : role === 'dba' ? team.dba : role === 'qa' ? qa : dev;
    if (rng.chance(0.05)) {
      approvals.push(`  - { role: ${role}, name: ${y(who)}, decision: rejected, at: ${dateOnly(approvalDay - DAY)}, comment: ${y('回滚方案需补充数据库回滚步骤')} }`);
    }
    const comment = rng.chance(0.3) ? `, comment: ${y(rng.pick(['方案可行', '已确认主机资源', '已通知重点商户', '同意按计划上线']))}` : '';
    approvals.push(`  - { role: ${role}, name: ${y(who)}, decision: approved, at: ${rng.chance(0.5) ? dateOnly(approvalDay) : dateTime(approvalDay + 10 * 3_600_000)}${comment} }`);
  }
  L.push(approvals.length > 0 ? 'approvals:' : 'approvals: []', ...approvals);

  // Checklist: manual items of passed stages hold; those of the current stage are partly ticked.
  const checklist: string[] = [];
  const stagesToTick = [...gate.passed.map((s) => ({ s, passed: true })), ...(gate.current && !gate.passed.includes(gate.current) ? [{ s: gate.current, passed: false }] : [])];
  for (const { s, passed } of stagesToTick) {
    for (const item of s.checklist) {
      const required = item.required !== false;
      if (item.rule) {
        if (passed && required && !canSatisfy(item.rule)) checklist.push(`  ${item.id}: { state: waived, by: ${y(team.lead)}, note: ${y(rng.pick(WAIVE_NOTES))} }`);
        continue;
      }
      if (!passed && rng.chance(0.5)) continue;
      if (!required && rng.chance(0.4)) continue;
      if (item.id === 'db-backup' && !hasDb) {
        checklist.push(`  ${item.id}: { state: n/a, note: ${y(rng.pick(NA_NOTES))} }`);
      } else if (passed && required && rng.chance(0.03)) {
        checklist.push(`  ${item.id}: { state: waived, by: ${y(team.lead)}, note: ${y(rng.pick(WAIVE_NOTES))} }`);
      } else if (rng.chance(0.3) && windowStart !== undefined) {
        const evidence = rng.chance(0.3) ? `, evidence: https://wiki.example.com/${service.id}/${version}/${item.id}` : '';
        checklist.push(`  ${item.id}: { state: done, by: ${y(rng.pick([dev, qa, team.lead, team.ops]))}, at: ${dateTime(windowStart - rng.int(1, 48) * 3_600_000)}${evidence} }`);
      } else {
        checklist.push(`  ${item.id}: done`);
      }
    }
  }
  L.push(checklist.length > 0 ? 'checklist:' : 'checklist: {}', ...checklist);

  if (goesLive) {
    const ok = status === 'released';
    L.push('verification:', `  result: ${ok ? 'pass' : 'fail'}`, `  by: ${y(qa)}`, `  at: ${dateTime(actualEnd! + 10 * MINUTE)}`);
    L.push(`  notes: ${y(ok ? `${rng.pick(service.domain)}核心链路回归通过` : `${rng.pick(REASONS_ROLLBACK)}，验证不通过`)}`);
  }
  if (status === 'rolled-back') {
    L.push('rolledBack:', `  at: ${dateTime(actualEnd! + 20 * MINUTE)}`, `  reason: ${y(rng.pick(REASONS_ROLLBACK))}`);
    if (plan.previous) L.push(`  to: ${JSON.stringify(plan.previous)}`);
  }
  if (goesLive && (gate.rules.has('monitoring') || rng.chance(0.9))) {
    L.push('monitoring:', '  dashboards:', `    - { title: ${y(`${rng.pick(service.domain)}大盘`)}, url: https://grafana.example.com/d/${service.id}-${rng.int(1, 99)} }`);
    L.push(`  alerts: ${yList([`${rng.pick(service.domain)}失败率 > 1%`, '接口 P99 > 1s 持续 5 分钟'])}`);
  }
  L.push('links:', `  - { title: 禅道发布单, url: https://zentao.example.com/release-${plan.day / DAY - 18000}.html }`);
  L.push(`tags: ${yList(rng.sample([...service.domain, '数据库变更', '灰度', '性能', '安全'], rng.int(1, 3)))}`);
  if (rng.chance(0.05)) L.push('extra:', `  jira: ${service.ticketPrefix}-${rng.int(1, 999)}`);
  L.push('---', '');
  const body = releaseBody(rng, {
    serviceName: service.name,
    version,
    domain: service.domain,
    attendees: [team.lead, dev, qa, team.ops, ...(hasDb ? [team.dba] : []), ...(type === 'standard' ? [team.pm] : [])],
    windowStart,
    components: components as readonly BodyComponent[],
    tables: hasDb ? DB_TABLES : [],
    mdx,
    status,
  });
  files.add(`releases/${service.id}/${version}.${mdx ? 'mdx' : 'md'}`, L.join('\n') + body);

  writeTestReport(rng, { ref, service, version, type, windowStart: windowStart ?? plan.day, qa, attachments }, report, files, summary);
  return { ref, service, version, status, windowStart, end: actualEnd ?? windowEnd ?? plan.day };
}

/** Rules whose data this generator always writes when the gate needs them. */
function canSatisfy(rule: string): boolean {
  return ['tests-passed', 'bug-gate', 'approvals', 'rollback-plan', 'baseline-recorded', 'verified', 'monitoring'].includes(rule);
}

interface PlannedComponent {
  id: string;
  title: string;
  kind: 'service' | 'frontend' | 'database' | 'job' | 'config' | 'external';
  action: 'deploy' | 'migrate' | 'restart' | 'stop' | 'start' | 'install' | 'config';
  dependsOn: string[];
}

/** Deploy order: foundations first (DB, config, external software), then the service, then what depends on it. */
function planComponents(rng: Rng, service: Service, hasDb: boolean): PlannedComponent[] {
  const list: PlannedComponent[] = [];
  const base: string[] = [];
  if (hasDb) {
    list.push({ id: 'db', title: `${service.name}库迁移`, kind: 'database', action: 'migrate', dependsOn: [] });
    base.push('db');
  }
  if (rng.chance(0.3)) {
    list.push({ id: 'config', title: `${rng.pick(service.domain)}配置项`, kind: 'config', action: 'config', dependsOn: [] });
    base.push('config');
  }
  if (rng.chance(0.15)) {
    const install = rng.pick(EXTERNAL_INSTALLS);
    list.push({ id: 'ext', title: `安装 ${install.name}`, kind: 'external', action: 'install', dependsOn: [] });
    base.push('ext');
  }
  switch (service.kind) {
    case 'backend':
      list.push({ id: 'api', title: `${service.name} API`, kind: 'service', action: 'deploy', dependsOn: base });
      if (rng.chance(0.4)) list.push({ id: 'worker', title: `${rng.pick(service.domain)}任务`, kind: 'job', action: 'deploy', dependsOn: ['api'] });
      if (rng.chance(0.2)) list.push({ id: 'web', title: `商户门户${rng.pick(service.domain)}页`, kind: 'frontend', action: 'deploy', dependsOn: ['api'] });
      if (rng.chance(0.2)) list.push({ id: 'upstream', title: '上游服务重启(加载新配置)', kind: 'service', action: 'restart', dependsOn: ['api'] });
      break;
    case 'job':
      list.push({ id: 'batch', title: '批处理程序', kind: 'job', action: 'deploy', dependsOn: base });
      list.push({ id: 'scheduler', title: '重启批处理调度器', kind: 'job', action: 'restart', dependsOn: ['batch'] });
      break;
    case 'frontend':
      list.push({ id: 'bff', title: `${service.name} BFF`, kind: 'service', action: 'deploy', dependsOn: base });
      list.push({ id: 'web', title: `${service.name}静态资源`, kind: 'frontend', action: 'deploy', dependsOn: ['bff'] });
      break;
    case 'app':
      list.push({ id: 'api', title: 'App 服务端接口', kind: 'service', action: 'deploy', dependsOn: base });
      list.push({ id: 'android', title: 'Android 灰度发布', kind: 'frontend', action: 'deploy', dependsOn: ['api'] });
      list.push({ id: 'ios', title: 'iOS 分阶段发布', kind: 'frontend', action: 'deploy', dependsOn: ['api'] });
      break;
  }
  return list;
}

function sqlScript(rng: Rng, table: string, ref: string, rollback: boolean): string {
  const column = rng.pick(['ext_info', 'channel_code', 'tenant_id', 'archived_at', 'version_no']);
  return rollback
    ? `-- rollback for ${ref}\nDROP INDEX IF EXISTS idx_${table}_${column};\nALTER TABLE ${table} DROP COLUMN ${column};\n`
    : `-- ${ref}\nALTER TABLE ${table} ADD COLUMN ${column} VARCHAR(64) NULL;\nCREATE INDEX idx_${table}_${column} ON ${table} (${column});\nUPDATE ${table} SET ${column} = '' WHERE ${column} IS NULL AND id < 100000;\n`;
}

interface ReportTarget {
  ref: string;
  service: Service;
  version: string;
  type: string;
  windowStart: number;
  qa: string;
  attachments: string;
}

function writeTestReport(rng: Rng, t: ReportTarget, plan: ReportPlan, files: Files, summary: GenerateSummary): void {
  const stage = t.type === 'hotfix' ? rng.pick(['regression', 'smoke']) : t.type === 'temporary' ? 'smoke' : rng.weighted({ system: 50, integration: 15, acceptance: 10, staging: 10, regression: 7, performance: 5, security: 3 });
  const round = rng.weighted({ '1': 60, '2': 30, '3': 10 });
  const end = t.windowStart - rng.int(1, 5) * DAY;
  const start = end - rng.int(0, 6) * DAY;
  const L: string[] = ['---', `release: ${t.ref}`, `title: ${y(`${t.service.name} ${t.version} ${STAGE_ZH[stage]}测试报告(第 ${round} 轮)`)}`, `stage: ${stage}`, `round: ${round}`];
  L.push(`environment: ${['staging', 'acceptance', 'smoke'].includes(stage) ? 'staging' : 'test'}`, `tester: ${y(t.qa)}`, `start: ${dateOnly(start)}`, `end: ${dateOnly(end)}`, `verdict: ${plan.verdict}`);
  const junit = rng.chance(0.35);
  const total = junit ? rng.logInt(10, 500) : rng.int(20, 400);
  const failed = plan.verdict === 'pass' ? 0 : plan.verdict === 'conditional' ? Math.min(total - 1, rng.int(1, 3)) : Math.max(1, Math.floor(total * rng.int(2, 10) / 100));
  const skipped = Math.min(total - failed, rng.int(0, Math.ceil(total / 20)));
  if (junit) {
    const errors = plan.verdict === 'fail' && failed > 1 ? 1 : 0;
    const junitPlan: JUnitPlan = { cases: total, failed: failed - errors, errors, skipped, flaky: Math.min(total - failed - skipped, rng.int(0, 2)) };
    const file = `${t.attachments}/${stage}-r${round}.xml`;
    files.add(file, junitXml(rng, t.service.id, junitPlan));
    L.push('junit:', `  - ${file}`);
    summary.junitFiles += 1;
    summary.junitCases += total;
  }
  if (!junit || rng.chance(0.5)) {
    const blocked = junit ? 0 : rng.int(0, 2);
    L.push(`cases: { total: ${total + blocked}, passed: ${total - failed - skipped}, failed: ${failed}, skipped: ${skipped}, blocked: ${blocked} }`);
  }
  if (plan.useCounts) {
    L.push('bugCounts:');
    for (const severity of ['A', 'B', 'C', 'D'] as const) {
      const of = plan.bugs.filter((b) => b.severity === severity && b.status !== 'deferred');
      if (of.length === 0) continue;
      const open = of.filter((b) => b.status === 'open' || b.status === 'fixed').length;
      L.push(`  ${severity}: { open: ${open}, closed: ${of.length - open} }`);
    }
    // Deferred bugs keep their ids (the release lists them in knownIssues), so they stay a list.
    if (plan.bugs.some((b) => b.status === 'deferred')) L.splice(L.indexOf('bugCounts:'), L.length, ...bugList(plan.bugs, t));
  } else if (plan.bugs.length > 0) {
    L.push(...bugList(plan.bugs, t));
  }
  L.push('---', '');
  const mdx = rng.chance(0.1);
  if (mdx) summary.mdxRecords += 1;
  const open = plan.bugs.filter((b) => b.status === 'open' || b.status === 'fixed').length;
  files.add(`test-reports/${t.service.id}/${t.version}-${stage}-r${round}.${mdx ? 'mdx' : 'md'}`, L.join('\n') + reportBody(rng, plan.verdict, open, mdx));
  summary.testReports += 1;
}

function bugList(bugs: readonly Bug[], t: ReportTarget): string[] {
  return [
    'bugs:',
    ...bugs.map((b) => `  - { id: ${b.id}, title: ${y(b.title)}, severity: ${b.severity}, status: ${b.status}, url: https://zentao.example.com/${t.service.id}/${b.id.toLowerCase()}.html }`),
  ];
}

/** One retrospective per ~10 releases: every rolled-back release, then released ones; some cover several releases. */
function writeRetrospectives(rng: Rng, facts: readonly ReleaseFacts[], target: number, files: Files, summary: GenerateSummary): void {
  const rolledBack = facts.filter((f) => f.status === 'rolled-back');
  const released = rng.shuffle(facts.filter((f) => f.status === 'released'));
  const primaries = [...rolledBack, ...released].slice(0, Math.max(target, rolledBack.length));
  const used = new Set<string>();
  for (const primary of primaries) {
    const others = rng.chance(0.2) ? rng.sample(facts.filter((f) => f.service === primary.service && f.ref !== primary.ref && (f.status === 'released' || f.status === 'rolled-back')), rng.int(1, 2)) : [];
    const named = [primary, ...others];
    const rolled = primary.status === 'rolled-back';
    const date = Math.max(...named.map((f) => f.end)) + rng.int(1, 6) * DAY;
    const team = primary.service.people;
    const L: string[] = ['---'];
    L.push(`title: ${y(`${primary.service.name} ${primary.version} ${rolled ? '回滚复盘' : others.length > 0 ? '阶段总结' : '上线复盘'}`)}`);
    L.push(`releases: [${named.map((f) => f.ref).join(', ')}]`, `date: ${dateOnly(date)}`, `facilitator: ${y(team.lead)}`);
    const participants = [team.dev[0]!, team.qa[0]!, team.ops, ...(rng.chance(0.5) ? [team.dba, team.pm] : [])];
    L.push(`participants: ${yList(participants)}`);
    const incident = rolled || rng.chance(0.1);
    L.push(`outcome: ${rolled ? 'rolled-back' : incident ? 'incident' : rng.weighted({ success: 80, partial: 20 })}`);
    if (incident) {
      const detected = (primary.windowStart ?? primary.end) + rng.int(3, 12) * 10 * MINUTE;
      L.push('incident:', `  severity: ${rng.pick(['P2', 'P3', 'P3', 'P4'])}`, `  detected: ${dateTime(detected)}`, `  resolved: ${dateTime(detected + rng.int(2, 12) * 10 * MINUTE)}`);
      L.push(`  impact: ${y(`${rng.pick(primary.service.domain)}相关接口约 ${rng.int(5, 60)} 分钟不可用，无资金损失`)}`);
    }
    L.push('actions:');
    for (const title of rng.sample(ACTIONS, rng.int(2, 5))) {
      L.push(`  - { title: ${y(title)}, owner: ${y(rng.pick(participants))}, due: ${dateOnly(date + rng.int(7, 90) * DAY)}, status: ${rng.weighted({ open: 35, done: 55, dropped: 10 })} }`);
    }
    L.push(`tags: ${yList(rng.sample([...primary.service.domain, '回滚', '数据库', '流程改进'], 2))}`, '---', '');
    const mdx = rng.chance(0.1);
    if (mdx) summary.mdxRecords += 1;
    const body = retroBody(rng, { start: primary.windowStart ?? primary.end, rolledBack: rolled, attendees: participants, mdx });
    let file = `retrospectives/${dateOnly(date).slice(0, 4)}/${dateOnly(date).slice(5, 7)}-${primary.service.id}-${primary.version}`;
    while (used.has(file)) file += '-b';
    used.add(file);
    files.add(`${file}.${mdx ? 'mdx' : 'md'}`, L.join('\n') + body);
    summary.retrospectives += 1;
  }
}
