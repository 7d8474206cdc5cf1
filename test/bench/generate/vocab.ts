/**
 * Word pools for the generated content: services, people, change titles and the sentences
 * the bodies are built from (Chinese with the English terms engineers actually write).
 * Every string here is safe as Markdown and as MDX (no `<`, `{`, `}`), so the same bodies
 * serve the bare-Astro baseline, which renders them all as MDX.
 */

export type ServiceKind = 'backend' | 'frontend' | 'job' | 'app';

export interface ServiceSeed {
  id: string;
  name: string;
  team: string;
  kind: ServiceKind;
  /** Short domain words used in change titles and bodies. */
  domain: readonly string[];
}

export const SERVICES: readonly ServiceSeed[] = [
  { id: 'payment-gateway', name: '支付网关', team: '交易组', kind: 'backend', domain: ['退款', '对账', '渠道路由', '分账', '支付回调'] },
  { id: 'order-service', name: '订单服务', team: '交易组', kind: 'backend', domain: ['拆单', '合并支付', '订单超时', '发票', '售后'] },
  { id: 'user-center', name: '用户中心', team: '账户组', kind: 'backend', domain: ['实名认证', '子账号', 'SSO', '登录风控', '权限'] },
  { id: 'settlement-job', name: '清结算批处理', team: '清算组', kind: 'job', domain: ['日终清算', '分片', '对账文件', '出款', '差错处理'] },
  { id: 'web-portal', name: '商户门户', team: '前端组', kind: 'frontend', domain: ['交易查询', '报表导出', '账户设置', '消息中心', '首页看板'] },
  { id: 'mobile-app', name: '商户 App', team: '移动组', kind: 'app', domain: ['收款码', '推送', '账单', '离线缓存', '扫码'] },
  { id: 'risk-engine', name: '风控引擎', team: '风控组', kind: 'backend', domain: ['规则引擎', '黑名单', '限额', '设备指纹', '模型评分'] },
  { id: 'notify-service', name: '消息通知服务', team: '平台组', kind: 'backend', domain: ['短信', '邮件', '站内信', '模板', '重试队列'] },
  { id: 'report-center', name: '报表中心', team: '数据组', kind: 'backend', domain: ['日报', '经营分析', '导出任务', '指标口径', '数据权限'] },
  { id: 'data-sync', name: '数据同步任务', team: '数据组', kind: 'job', domain: ['CDC', '增量同步', '数仓入湖', '断点续传', '数据校验'] },
  { id: 'api-gateway', name: '开放平台网关', team: '平台组', kind: 'backend', domain: ['签名', '限流', '应用管理', '灰度路由', 'API 文档'] },
  { id: 'billing-service', name: '计费服务', team: '交易组', kind: 'backend', domain: ['费率', '账单', '阶梯计费', '手续费', '优惠抵扣'] },
  { id: 'inventory-service', name: '库存服务', team: '供应链组', kind: 'backend', domain: ['库存预占', '调拨', '盘点', '安全库存', '仓库编码'] },
  { id: 'coupon-service', name: '营销券服务', team: '营销组', kind: 'backend', domain: ['发券', '核销', '券模板', '活动预算', '叠加规则'] },
  { id: 'admin-console', name: '运营后台', team: '前端组', kind: 'frontend', domain: ['审核', '工单', '配置中心', '操作日志', '批量导入'] },
  { id: 'search-service', name: '搜索服务', team: '平台组', kind: 'backend', domain: ['索引重建', '分词', '相关性', '联想词', '同义词'] },
  { id: 'file-service', name: '文件服务', team: '平台组', kind: 'backend', domain: ['分片上传', '对象存储', '病毒扫描', '缩略图', '临时链接'] },
  { id: 'audit-log', name: '审计日志服务', team: '安全组', kind: 'backend', domain: ['操作审计', '日志归档', '脱敏', '合规报表', '留存策略'] },
  { id: 'kyc-service', name: '实名认证服务', team: '账户组', kind: 'backend', domain: ['活体检测', 'OCR', '企业认证', '人工复核', '证件有效期'] },
  { id: 'ledger-service', name: '账务核心', team: '清算组', kind: 'backend', domain: ['记账', '余额', '冻结', '日切', '总分核对'] },
];

export const ORDINALS = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const PEOPLE: readonly string[] = [
  '张伟', '李娜', '王强', '赵敏', '陈静', '周涛', '吴婷', '刘洋', '孙磊', '黄凯', '林峰', '何雪', '马超', '冯浩', '曹阳', '邓琳',
  '唐颖', '宋杰', '韩梅', '郑璐', '许晨', '谢飞', '罗军', '高原', '梁爽', '宋雨', '蒋涛', '沈佳', '韦东', '杜鹃', '叶青', '程亮',
  '袁帅', '潘悦', '于航', '董洁', '萧然', '田甜', '彭博', '曾毅', '吕薇', '苏航', '卢倩', '丁宁', '魏巍', '薛岚', '范冰', '石磊',
];

export const VERBS_ZH = ['新增', '优化', '支持', '重构', '调整', '升级', '下线', '改造', '补充', '统一'];
export const OBJECTS_ZH = [
  '批量导出', '接口幂等', '分页查询', '缓存预热', '异步通知', '配置项', '告警阈值', '审批流', '数据归档', '多币种',
  '操作日志', '灰度开关', '权限校验', '定时任务', '超时重试', '导入模板', '数据看板', '熔断降级', '限流策略', '字段加密',
];
export const TECH_EN = [
  'Spring Boot 3.2', 'Redis 7.2', 'Kafka 3.6', 'PostgreSQL 15', 'MySQL 8.0', 'OpenTelemetry', 'gRPC', 'Nginx 1.25',
  'Elasticsearch 8', 'Kubernetes HPA', 'feature flag', 'OAuth2 PKCE', 'JDK 21', 'Node.js 22', 'React 19', 'Flyway',
];
export const BUG_PHRASES = [
  '金额精度丢失', '偶发超时', '分页数据重复', '导出文件乱码', '并发下重复提交', '缓存未失效', '时区显示错误', '空指针异常',
  '列表排序错误', '重试风暴', '日志打印敏感字段', '按钮重复点击', '跨天数据遗漏', '连接池耗尽', '回调签名校验失败',
];
export const EXTERNAL_INSTALLS = [
  { name: 'Redis 7.2', reason: '热点数据缓存' },
  { name: 'Kafka 3.6', reason: '异步事件总线' },
  { name: 'Elasticsearch 8.11', reason: '明细检索' },
  { name: 'Nginx 1.25', reason: '静态资源与反向代理' },
  { name: '国密 KMS 客户端 3.1', reason: 'SM2 签名与 SM4 加解密' },
  { name: 'ClickHouse 23.8', reason: '报表明细存储' },
];
export const DB_TABLES = ['orders', 'refund_order', 'account', 'ledger_entry', 'channel_route', 'user_profile', 'coupon', 'job_batch', 'audit_event', 'file_meta'];

export const ZH_PLAN = [
  '本次发布涉及 {svc} 的{domain}能力改造，按上线方案分批部署，数据库脚本由 DBA 统一执行。',
  '部署期间{domain}相关接口短暂不可用，已提前在商户公告与运营群中通知，预计影响 {n} 分钟。',
  '新版本通过自动化部署平台按分支号发布，采用滚动发布，每批 {n} 台，观察 5 分钟后继续。',
  '回滚方案已在预热环境演练，应用回滚到上一版本镜像，数据库执行对应回滚脚本，预计 {n} 分钟完成。',
  '上线前 DBA 对核心库做全量备份，备份校验通过后再执行变更脚本。',
  '本次不涉及外部接口协议变更，上下游服务无需同步发布。',
  '测试环境与预热环境均已按上线方案部署验证，测试结果报告见关联记录。',
  '{domain}模块的数据量约为 {n} 万行，迁移脚本按主键分批执行，每批 5000 行。',
];
export const EN_PLAN = [
  'The rollout uses a canary of {n}% traffic for 15 minutes before the full switch.',
  'We keep the previous image warm so that a rollback only needs a redeploy and a config flip.',
  'The migration is online: new columns are nullable and backfilled in batches, so no table lock is taken.',
  'Feature flag {flag} stays off until the smoke tests pass in production.',
  'Dashboards for latency, error rate and saturation are pinned in the war room channel.',
  'The change was reviewed in the architecture meeting and the risk is rated medium.',
];
export const ZH_MINUTES = [
  '数据库脚本执行：DBA {time} 完成备份，随后执行变更脚本，预计 {n} 分钟。',
  '部署顺序：先数据库与配置，再后端服务，最后前端与定时任务。',
  '部署时间点：{time} 开始，窗口结束前完成线上验证，未完成即按回滚方案回滚。',
  '遗留问题已登记到发布记录，随下个版本修复。',
  '运维确认主机资源与监控告警已就绪，产品确认公告已发出。',
  '测试人员负责线上验证，验证通过后回复邮件，发布结束。',
  '如出现交易成功率下降，由技术负责人决定是否回滚。',
  '应用关联：上游服务需在本次发布后重启以加载新配置。',
];
export const EN_MINUTES = [
  'Go/no-go: all owners said go at {time}.',
  'Ops will post progress in the release channel every 15 minutes.',
  'If the error rate stays above 1% for 5 minutes we roll back without further discussion.',
  'QA owns the production smoke test; the checklist link is in the ticket.',
  'DBA confirmed the backup finished and was verified by a restore test.',
];
export const ZH_STEPS = [
  'DBA 执行数据库脚本并回复邮件',
  '运维通过自动化部署平台发布后端服务',
  '重启相关定时任务并确认调度正常',
  '前端静态资源发布，刷新 CDN 缓存',
  '测试人员线上验证核心链路',
  '运维确认监控无异常，回复邮件',
  '观察 30 分钟，各项指标正常',
  '关闭维护公告，恢复对外服务',
];
export const ZH_RETRO = [
  '预热环境数据量远小于生产，资源消耗没有被提前发现。',
  '回滚方案写得具体，从决定回滚到恢复用时较短。',
  '部署大会明确了回滚时间点，决策没有拖延。',
  '上线方案只评估了接口，没有评估后台任务对数据库的压力。',
  '监控告警阈值偏高，问题由业务方先发现。',
  '变更窗口与月末结算重叠，应避开业务高峰。',
  '灰度比例控制得当，影响范围有限。',
];
export const EN_RETRO = [
  'Detection took too long because the alert was routed to a muted channel.',
  'The runbook was accurate and the on-call engineer followed it step by step.',
  'We need a load test with production-sized data before the next migration.',
  'Communication with customer support worked well during the incident.',
];
export const ACTIONS = [
  '预热环境补充生产量级数据', '上线方案模板增加资源评估一节', '补充慢查询告警', '回滚演练纳入预热发布阶段',
  '对账任务改读只读从库', '增加接口级熔断配置', '梳理告警路由', '完善部署大会纪要模板', '补充容量评估文档',
];
export const REASONS_ROLLBACK = [
  '新版本上线后接口 P99 超过 2 秒，交易成功率下降',
  '数据库 CPU 持续 90% 以上，影响核心交易',
  '上游服务未按计划重启，签名校验失败率升高',
  '缓存预热未完成，大量请求穿透到数据库',
];
export const WAIVE_NOTES = ['紧急修复特批', '时间紧迫，技术负责人特批豁免', '本次为配置变更，经技术负责人同意豁免'];
export const NA_NOTES = ['本次无数据库变更', '客户端发布，无数据库变更', '仅配置变更，不涉及数据库'];
