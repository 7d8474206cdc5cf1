/**
 * Labels of the gate components (checklist panel and printable run sheet), by site.locale.
 * Kept beside the components rather than in src/i18n so the gate can ship on its own; the
 * type makes both languages define every label. Reasons come from the model already in both.
 */
import type { GateLocale, ItemState, StagePosition } from '../../model/gate/types.ts';

export interface GateLabels {
  title: string;
  /** `go-live gate: 9/11` */
  summary: (passed: number, total: number) => string;
  blockedBy: string;
  allHold: string;
  currentComplete: string;
  notGated: string;
  rolledBack: string;
  waivedCount: (n: number) => string;
  state: Record<ItemState, string>;
  position: Record<StagePosition, string>;
  optional: string;
  owner: string;
  evidence: string;
  computed: string;
  manual: string;
  // Run sheet
  runSheet: string;
  printHint: string;
  status: string;
  process: string;
  window: string;
  baseline: string;
  people: string;
  item: string;
  result: string;
  initials: string;
  deployOrder: string;
  step: (n: number) => string;
  rollback: string;
  trigger: string;
  estimate: string;
  dbRollback: string;
  irreversible: string;
  signatures: string;
  role: string;
  name: string;
  signature: string;
  date: string;
  none: string;
}

const en: GateLabels = {
  title: 'Checklist and gate',
  summary: (passed, total) => `go-live gate: ${passed}/${total}`,
  blockedBy: 'blocked by',
  allHold: 'every item holds',
  currentComplete: 'the current stage is complete',
  notGated: 'cancelled: not gated',
  rolledBack: 'rolled back',
  waivedCount: (n) => `${n} waived`,
  state: { done: 'Done', 'n/a': 'N/A', waived: 'Waived', pending: 'Pending', passing: 'Passing', failing: 'Failing' },
  position: { passed: 'passed', current: 'current stage', 'not-reached': 'not reached', 'follow-up': 'follow-up' },
  optional: 'optional',
  owner: 'Owner',
  evidence: 'Evidence',
  computed: 'computed',
  manual: 'manual',
  runSheet: 'Run sheet',
  printHint: 'Print this page on A4 (Ctrl+P / ⌘P).',
  status: 'Status',
  process: 'Process',
  window: 'Window',
  baseline: 'Baseline',
  people: 'People',
  item: 'Item',
  result: 'State',
  initials: 'Initials',
  deployOrder: 'Deploy order',
  step: (n) => `Step ${n}`,
  rollback: 'Rollback plan',
  trigger: 'Trigger',
  estimate: 'Estimate',
  dbRollback: 'DB rollback',
  irreversible: 'irreversible',
  signatures: 'Sign-off',
  role: 'Role',
  name: 'Name',
  signature: 'Signature',
  date: 'Date',
  none: '—',
};

const zhCN: GateLabels = {
  title: '检查清单与上线门禁',
  summary: (passed, total) => `上线门禁：${passed}/${total}`,
  blockedBy: '受阻于',
  allHold: '全部满足',
  currentComplete: '当前阶段检查项已满足',
  notGated: '已取消：不检查门禁',
  rolledBack: '已回滚',
  waivedCount: (n) => `${n} 项特批豁免`,
  state: { done: '已完成', 'n/a': '不适用', waived: '特批豁免', pending: '待完成', passing: '已满足', failing: '未满足' },
  position: { passed: '已通过', current: '当前阶段', 'not-reached': '未开始', 'follow-up': '后续跟进' },
  optional: '可选',
  owner: '负责人',
  evidence: '依据',
  computed: '自动判定',
  manual: '人工确认',
  runSheet: '上线执行单',
  printHint: '请用 A4 纸打印本页(Ctrl+P / ⌘P)。',
  status: '状态',
  process: '流程',
  window: '上线窗口',
  baseline: '发布基线',
  people: '人员',
  item: '检查项',
  result: '状态',
  initials: '确认人',
  deployOrder: '部署顺序',
  step: (n) => `第 ${n} 步`,
  rollback: '回滚方案',
  trigger: '触发条件',
  estimate: '预计耗时',
  dbRollback: '数据库回滚',
  irreversible: '不可逆',
  signatures: '签字确认',
  role: '角色',
  name: '姓名',
  signature: '签名',
  date: '日期',
  none: '—',
};

export const GATE_LABELS: Readonly<Record<GateLocale, GateLabels>> = { en, 'zh-CN': zhCN };

export const gateLabels = (locale: GateLocale): GateLabels => GATE_LABELS[locale];
