/**
 * Mermaid's own parser as a test oracle. `mermaid.parse` must accept a builder's output, and
 * the graph Mermaid reads from it (its flowchart / gantt database) is returned with labels
 * decoded back to text, so tests assert on what Mermaid understood, not on our string.
 *
 * Mermaid needs a DOM even to parse (DOMPurify sanitizes labels). vitest's jsdom environment
 * would provide one but also replaces Node's typed arrays, which breaks the content loader
 * (Sätteri's WebAssembly, JUnit decoding); so the tests stay in the node environment and
 * mermaid alone gets a jsdom window, installed before it is imported.
 */
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const DOM_GLOBALS = ['window', 'document', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'NodeFilter', 'DocumentFragment', 'Text', 'getComputedStyle', 'MutationObserver'];
for (const key of DOM_GLOBALS) {
  if (key in globalThis) continue;
  const value: unknown = key === 'window' ? window : Reflect.get(window, key);
  Object.defineProperty(globalThis, key, { value: typeof value === 'function' && key === 'getComputedStyle' ? value.bind(window) : value, configurable: true, writable: true });
}
const { default: mermaid } = await import('mermaid');

let initialized = false;
function init(): void {
  if (initialized) return;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 200_000 });
  initialized = true;
}

/** Mermaid's placeholders (`ﬂ°°<n>¶ß` for `#<n>;`) turned back into characters; word joiners dropped. */
export function decode(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (_m, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' })[name] ?? `&${name};`)
    .replace(/\u2060/g, '');
}

/** A label's lines: our `<br>` separators split, our `<b>` markup removed. */
export function labelLines(label: string): string[] {
  return label.split(/<br\s*\/?>/).map((line) => decode(line.replace(/<\/?b>/g, '')));
}

export interface FlowNode {
  id: string;
  /** Decoded label, lines joined with \n. */
  label: string;
  shape: string;
  classes: string[];
}
export interface FlowEdge {
  from: string;
  to: string;
  label: string;
  stroke: string;
  arrow: string;
}
export interface FlowGraph {
  direction: string;
  nodes: Map<string, FlowNode>;
  edges: FlowEdge[];
  subgraphs: { id: string; title: string; nodes: string[] }[];
}

interface RawVertex { id: string; text?: string; type?: string; classes: string[] }
interface RawEdge { start: string; end: string; text: string; stroke: string; type: string }
interface RawSubgraph { id: string; title: string; nodes: string[] }
interface FlowDb {
  getVertices(): Map<string, RawVertex>;
  getEdges(): RawEdge[];
  getSubGraphs(): RawSubgraph[];
  getDirection(): string;
}
interface GanttTask { task: string; section: string; id: string; crit?: boolean; done?: boolean; active?: boolean; vert?: boolean; startTime: Date; endTime: Date }
interface GanttDb { getTasks(): GanttTask[]; getSections(): string[] }

async function dbOf<T>(text: string, type: RegExp): Promise<T> {
  init();
  const result = await mermaid.parse(text); // throws on a syntax error
  if (!result || !type.test(result.diagramType)) throw new Error(`parsed as ${result ? result.diagramType : 'nothing'}`);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return diagram.db as unknown as T;
}

export async function parseFlow(text: string): Promise<FlowGraph> {
  const db = await dbOf<FlowDb>(text, /^flowchart/);
  const subgraphIds = new Set(db.getSubGraphs().map((s) => s.id));
  const nodes = new Map<string, FlowNode>();
  for (const v of db.getVertices().values()) {
    if (subgraphIds.has(v.id)) continue;
    nodes.set(v.id, { id: v.id, label: labelLines(v.text ?? '').join('\n'), shape: v.type ?? '', classes: [...v.classes] });
  }
  return {
    direction: db.getDirection(),
    nodes,
    edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, label: decode(e.text), stroke: e.stroke, arrow: e.type })),
    subgraphs: db.getSubGraphs().map((s) => ({ id: s.id, title: decode(s.title), nodes: [...s.nodes] })),
  };
}

export interface GanttGraph {
  sections: string[];
  tasks: { text: string; section: string; id: string; tags: string[]; start: Date; end: Date }[];
}

export async function parseGantt(text: string): Promise<GanttGraph> {
  const db = await dbOf<GanttDb>(text, /^gantt$/);
  return {
    sections: db.getSections().map(decode),
    tasks: db.getTasks().map((t) => ({
      text: decode(t.task).trim(),
      section: decode(t.section),
      id: t.id,
      tags: (['crit', 'done', 'active', 'vert'] as const).filter((tag) => t[tag]),
      start: t.startTime,
      end: t.endTime,
    })),
  };
}

/** Parses any diagram type; resolves to its type or rejects with Mermaid's error. */
export async function parseAny(text: string): Promise<string> {
  init();
  const result = await mermaid.parse(text);
  if (!result) throw new Error('mermaid.parse returned nothing');
  return result.diagramType;
}

export interface XyChart {
  xTitle: string;
  categories: string[];
  yTitle: string;
  yMin: number;
  yMax: number;
  plots: { type: string; values: number[] }[];
}
interface XyChartDb {
  getXYChartData(): {
    xAxis: { title: string; categories?: string[] };
    yAxis: { title: string; min?: number; max?: number };
    plots: { type: string; data: [string, number][] }[];
  };
}

/** An xychart as Mermaid read it: axis titles and categories decoded, the plotted values. */
export async function parseXyChart(text: string): Promise<XyChart> {
  const db = await dbOf<XyChartDb>(text, /^xychart$/);
  const data = db.getXYChartData();
  return {
    xTitle: decode(data.xAxis.title),
    categories: (data.xAxis.categories ?? []).map(decode),
    yTitle: decode(data.yAxis.title),
    yMin: data.yAxis.min ?? Number.NaN,
    yMax: data.yAxis.max ?? Number.NaN,
    plots: data.plots.map((p) => ({ type: p.type, values: p.data.map(([, v]) => v) })),
  };
}
