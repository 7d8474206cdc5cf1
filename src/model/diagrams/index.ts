/**
 * Flow diagrams as Mermaid source, built from the records (design: "Mermaid"). Each builder
 * returns Mermaid text and has an outline function that returns the same content as a list,
 * the diagram's text alternative. Record text goes through ./escape.ts only.
 */
export { processFlow, processFlowOutline, goLiveStage, type Roles, type ProcessFlowOptions } from './process-flow.ts';
export { releaseFlow, releaseFlowOutline, stageStates, blockingByStage, type BlockingItems, type ReleaseFlowOptions } from './release-flow.ts';
export { deployOrderFlow, deployOrderOutline, KIND_SHAPES, type Plan, type DeployOrderOptions } from './deploy-order-flow.ts';
export { rollbackFlow, rollbackFlowOutline, type RollbackFlowOptions } from './rollback-flow.ts';
export { calendarGantt, calendarOutline, calendarEntries, type CalendarRelease, type CalendarOptions } from './calendar-gantt.ts';
export { trendChart, trendOutline, yRange, niceCeiling, type TrendMetric, type TrendValue, type TrendChartOptions } from './trend-chart.ts';
export { hasMermaidBlock, hasMermaidFence } from './author.ts';
export type { DiagramLocale, StageState } from './labels.ts';
