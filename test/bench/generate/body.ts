/**
 * Record bodies: the written launch plan and go-live minutes of a release (~600 words of
 * Chinese mixed with English), a test report's conclusion, a retrospective's narrative.
 * Safe as Markdown and as MDX; `.mdx` bodies also use an export, an expression and JSX.
 */
import type { Rng } from './prng.ts';
import { clock, dateOnly, dateTime, fill, MINUTE, wordCount } from './text.ts';
import {
  EN_MINUTES,
  EN_PLAN,
  EN_RETRO,
  TECH_EN,
  ZH_MINUTES,
  ZH_PLAN,
  ZH_RETRO,
  ZH_STEPS,
} from './vocab.ts';

export interface BodyComponent {
  id: string;
  title: string;
  dependsOn: readonly string[];
}

export interface ReleaseBodyInput {
  serviceName: string;
  version: string;
  domain: readonly string[];
  attendees: readonly string[];
  windowStart: number | undefined;
  components: readonly BodyComponent[];
  tables: readonly string[];
  mdx: boolean;
  status: string;
}

function sentence(rng: Rng, pool: readonly string[], values: Readonly<Record<string, string | number>>): string {
  return fill(rng.pick(pool), values);
}

/** Release body: launch plan, optional diagram, go-live minutes, steps, notes; grown to its word target. */
export function releaseBody(rng: Rng, input: ReleaseBodyInput): string {
  const target = rng.int(450, 750);
  const start = input.windowStart;
  const values = (): Record<string, string | number> => ({
    svc: input.serviceName,
    domain: rng.pick(input.domain),
    n: rng.int(3, 40),
    time: start === undefined ? '22:00' : clock(start - rng.int(0, 6) * 10 * MINUTE),
    flag: `${rng.pick(['new', 'v2', 'beta'])}-${rng.pick(input.domain.length > 0 ? ['checkout', 'export', 'routing', 'sync'] : ['x'])}`,
  });
  const out: string[] = [];
  if (input.mdx) {
    out.push(`export const owner = ${JSON.stringify(input.attendees[0] ?? '值班负责人')};`, '');
  }
  out.push('## 上线方案', '');
  out.push(
    [sentence(rng, ZH_PLAN, values()), sentence(rng, ZH_PLAN, values()), `We use ${rng.pick(TECH_EN)} for this change.`].join(''),
    '',
  );
  out.push(sentence(rng, EN_PLAN, values()) + ' ' + sentence(rng, EN_PLAN, values()), '');

  if (input.components.length > 1 && rng.chance(0.35)) {
    out.push('```mermaid', 'flowchart LR');
    for (const c of input.components) {
      if (c.dependsOn.length === 0) out.push(`  ${c.id.replace(/-/g, '_')}["${c.title}"]`);
      for (const d of c.dependsOn) out.push(`  ${d.replace(/-/g, '_')} --> ${c.id.replace(/-/g, '_')}["${c.title}"]`);
    }
    out.push('```', '');
  }

  const meeting = start === undefined ? undefined : start - rng.int(1, 3) * 86_400_000 - rng.int(4, 8) * 3_600_000;
  out.push(`## 部署大会纪要${meeting === undefined ? '' : `(${dateOnly(meeting)} ${clock(meeting)})`}`, '');
  out.push(`- 参会：${input.attendees.join('、')}`);
  for (const line of rng.sample(ZH_MINUTES, rng.int(3, 5))) out.push(`- ${fill(line, values())}`);
  out.push(`- ${sentence(rng, EN_MINUTES, values())}`, '');
  if (input.mdx) out.push('本次值班负责人：{owner}。', '');

  if (rng.chance(0.5)) {
    out.push('| 事项 | 结论 | Owner |', '|---|---|---|');
    const rows = [['负责人员', input.attendees.slice(0, 3).join('、')], ['数据库脚本', '全量备份后执行，失败即回滚'], ['部署时间点', values()['time']!], ['回滚方案', '应用回滚到上一版本镜像，数据库执行回滚脚本'], ['遗留问题', '已登记，随下个版本修复']];
    for (const [item, outcome] of rng.sample(rows, rng.int(3, 5))) out.push(`| ${item} | ${outcome} | ${rng.pick(input.attendees)} |`);
    out.push('');
  }

  if (input.status !== 'planned' && input.status !== 'cancelled') {
    out.push('## 上线经过', '');
    let t = start ?? 0;
    rng.sample(ZH_STEPS, rng.int(4, 7)).forEach((step, i) => {
      t += rng.int(5, 25) * MINUTE;
      out.push(`${i + 1}. ${start === undefined ? '' : `${clock(t)} `}${step}；`);
    });
    out.push('');
  }

  if (input.tables.length > 0 && rng.chance(0.4)) {
    const table = rng.pick(input.tables);
    out.push('```sql', `-- ${input.serviceName} ${input.version}`, `ALTER TABLE ${table} ADD COLUMN ext_info VARCHAR(512) NULL;`, `CREATE INDEX idx_${table}_created ON ${table} (created_at);`, '```', '');
  }

  if (input.mdx) {
    out.push('<details>', '<summary>回滚演练记录 / Rollback drill</summary>', '');
    out.push(`- ${sentence(rng, ZH_PLAN, values())}`, `- ${sentence(rng, EN_PLAN, values())}`, '', '</details>', '');
  }

  out.push('## Notes', '');
  let text = `${out.join('\n')}\n`;
  while (wordCount(text) < target) {
    const paragraph = rng.chance(0.6)
      ? [sentence(rng, ZH_PLAN, values()), sentence(rng, ZH_MINUTES, values()), sentence(rng, ZH_PLAN, values())].join('')
      : [sentence(rng, EN_PLAN, values()), sentence(rng, EN_MINUTES, values()), `Owner: ${rng.pick(input.attendees)}.`].join(' ');
    text += `${paragraph}\n\n`;
  }
  return text;
}

/** A test report's short conclusion. */
export function reportBody(rng: Rng, verdict: string, openBugs: number, mdx: boolean): string {
  const lines: string[] = [];
  const head = verdict === 'pass' ? '通过' : verdict === 'fail' ? '不通过' : '有条件通过';
  lines.push(`## 结论：${head}`, '');
  lines.push(
    verdict === 'fail'
      ? `存在未关闭的严重缺陷，不通过，退回开发迭代。Open bugs: ${openBugs}.`
      : `核心用例全部执行，未关闭缺陷 ${openBugs} 个，在上线标准以内。All blocking cases passed.`,
    '',
  );
  lines.push('## 测试范围', '');
  for (const item of rng.sample(['接口功能回归', '临界点测试', '并发与幂等', '权限与越权', '数据迁移校验', '兼容性(Chrome、Safari、企业微信)', 'Performance baseline at 2x peak'], rng.int(2, 5))) {
    lines.push(`- ${item}`);
  }
  lines.push('');
  if (mdx) lines.push('<details>', '<summary>环境说明</summary>', '', '测试环境按上线方案部署，数据库由 DBA 执行脚本。', '', '</details>', '');
  return lines.join('\n');
}

export interface RetroBodyInput {
  start: number;
  rolledBack: boolean;
  attendees: readonly string[];
  mdx: boolean;
}

/** A retrospective's narrative: timeline, what went well and wrong, lessons. */
export function retroBody(rng: Rng, input: RetroBodyInput): string {
  const target = rng.int(250, 450);
  const out: string[] = [];
  if (input.mdx) out.push(`export const host = ${JSON.stringify(input.attendees[0] ?? '主持人')};`, '', '主持人：{host}。', '');
  out.push('## 时间线', '', '| 时间 | 事件 |', '|---|---|');
  let t = input.start;
  for (const step of rng.sample(ZH_STEPS, rng.int(4, 6))) {
    t += rng.int(5, 30) * MINUTE;
    out.push(`| ${clock(t)} | ${step} |`);
  }
  if (input.rolledBack) out.push(`| ${clock(t + 20 * MINUTE)} | 技术负责人决定执行回滚方案 |`);
  out.push('', '## 做得好的', '');
  for (const line of rng.sample(ZH_RETRO, 2)) out.push(`- ${line}`);
  out.push(`- ${rng.pick(EN_RETRO)}`, '', '## 问题', '');
  for (const line of rng.sample(ZH_RETRO, 2)) out.push(`- ${line}`);
  out.push('', '## Lessons', '');
  let text = `${out.join('\n')}\n`;
  while (wordCount(text) < target) {
    text += `${rng.pick(ZH_RETRO)}${rng.pick(ZH_RETRO)} ${rng.pick(EN_RETRO)}\n\n`;
  }
  return `${text}记录时间：${dateTime(t)}\n`;
}
