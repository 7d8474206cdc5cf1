/**
 * The words the diagrams themselves contain, in the portal's two locales. They live here,
 * not in src/i18n, because Mermaid source is built in the model (no page code involved).
 */
import type { Site } from '../../schema/index.ts';
import type { ReleaseStatus } from '../../schema/release-status.ts';
import type { Component } from '../../schema/index.ts';

export type DiagramLocale = Site['locale'];

export type StageState = 'passed' | 'current' | 'pending' | 'failed' | 'cancelled';

const en = {
  start: 'Start',
  end: 'Done',
  yes: 'yes',
  no: 'no',
  owner: (role: string) => `Owner: ${role}`,
  exitCheck: (n: number) => `Exit check: ${n} ${n === 1 ? 'item' : 'items'}`,
  exitCheckRollback: 'Went live without problems?',
  rollback: 'Roll back',
  rolledBackEnd: 'Rolled back',
  backTo: (stage: string) => `back to ${stage}`,
  blocking: 'Blocking',
  more: (n: number) => `+${n} more`,
  state: {
    passed: '✓ Passed',
    current: '▶ Current stage',
    pending: '○ Not reached',
    failed: '✕ Failed: rolled back',
    cancelled: '– Cancelled',
  } satisfies Record<StageState, string>,
  followUp: '○ Follow-up',
  step: (n: number) => `Step ${n}`,
  stopped: 'Services stopped during the window',
  restart: 'Restart the stopped services',
  dbScripts: 'Database scripts',
  scriptRollback: 'has rollback',
  scriptIrreversible: 'irreversible',
  scriptNoRollback: 'no rollback script',
  beforeDeploy: 'Before deploying',
  trigger: 'Trigger',
  noTrigger: 'Rollback decided',
  rollbackSteps: 'Rollback steps',
  estimate: (duration: string) => `estimate ${duration}`,
  noSteps: 'No rollback steps recorded',
  target: (version: string) => `Back on ${version}`,
  targetUnknown: 'Back on the previous version',
  noReleases: 'No release windows this month',
  kind: {
    service: 'service', frontend: 'frontend', database: 'database', job: 'job', config: 'config', external: 'external',
  } satisfies Record<Component['kind'], string>,
  action: {
    deploy: 'deploy', migrate: 'migrate', restart: 'restart', stop: 'stop', start: 'start', install: 'install', config: 'configure',
  } satisfies Record<Component['action'], string>,
  status: {
    planned: 'planned', testing: 'testing', staging: 'staging', ready: 'ready', deploying: 'deploying',
    released: 'released', 'rolled-back': 'rolled back', cancelled: 'cancelled',
  } satisfies Record<ReleaseStatus, string>,
};

type Labels = typeof en;

const zh: Labels = {
  start: '开始',
  end: '结束',
  yes: '是',
  no: '否',
  owner: (role) => `负责人：${role}`,
  exitCheck: (n) => `出口检查：${n} 项`,
  exitCheckRollback: '上线是否顺利？',
  rollback: '执行回滚方案',
  rolledBackEnd: '已回滚',
  backTo: (stage) => `回到「${stage}」`,
  blocking: '阻塞项',
  more: (n) => `另有 ${n} 项`,
  state: {
    passed: '✓ 已通过',
    current: '▶ 当前阶段',
    pending: '○ 未到达',
    failed: '✕ 失败：已回滚',
    cancelled: '– 已取消',
  },
  followUp: '○ 后续跟进',
  step: (n) => `第 ${n} 步`,
  stopped: '窗口内停止的服务',
  restart: '恢复已停止的服务',
  dbScripts: '数据库脚本',
  scriptRollback: '有回滚脚本',
  scriptIrreversible: '不可逆',
  scriptNoRollback: '无回滚脚本',
  beforeDeploy: '部署前',
  trigger: '触发条件',
  noTrigger: '决定回滚',
  rollbackSteps: '回滚步骤',
  estimate: (duration) => `预计 ${duration}`,
  noSteps: '未登记回滚步骤',
  target: (version) => `回到 ${version}`,
  targetUnknown: '回到上一版本',
  noReleases: '本月没有发布窗口',
  kind: { service: '服务', frontend: '前端', database: '数据库', job: '任务', config: '配置', external: '外部应用' },
  action: { deploy: '部署', migrate: '迁移', restart: '重启', stop: '停止', start: '启动', install: '安装', config: '配置' },
  status: {
    planned: '计划中', testing: '测试中', staging: '预热中', ready: '待上线', deploying: '上线中',
    released: '已上线', 'rolled-back': '已回滚', cancelled: '已取消',
  },
};

export function labels(locale: DiagramLocale = 'zh-CN'): Labels {
  return locale === 'en' ? en : zh;
}

/** Minutes as `1h 30m` / `1小时30分钟` (the same form as the pages' durations). */
export function minutesText(minutes: number, locale: DiagramLocale = 'zh-CN'): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const zhLocale = locale === 'zh-CN';
  const parts = [
    d ? (zhLocale ? `${d}天` : `${d}d`) : '',
    h ? (zhLocale ? `${h}小时` : `${h}h`) : '',
    m || minutes === 0 ? (zhLocale ? `${m}分钟` : `${m}m`) : '',
  ];
  return parts.filter(Boolean).join(zhLocale ? '' : ' ');
}
