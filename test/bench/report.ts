/** The benchmark's result (the `--json` document) and its markdown rendering. */
import type { DistStats } from './dist-stats.ts';
import type { GenerateSummary } from './generate/index.ts';
import type { Measurement } from './measure.ts';
import type { Phase } from './phases.ts';
import type { ProfileSummary } from './profile.ts';

export type Tool = 'check' | 'build' | 'baseline';
export const TOOLS: readonly Tool[] = ['check', 'build', 'baseline'];

export interface ToolRun extends Measurement {
  /** Records read (check) or HTML pages written (build, baseline). */
  items: number;
  itemsPerSecond: number;
  phases: Phase[];
  dist?: DistStats;
}

export interface SizeResult {
  n: number;
  records: number;
  generateMs: number;
  content: GenerateSummary;
  runs: Partial<Record<Tool, ToolRun>>;
  /** Shiplog build ÷ baseline; `cpuWithoutPagefind` leaves each side's Pagefind processes out. */
  ratios?: { wall: number; cpu: number; cpuWithoutPagefind: number; peakTreeRss: number; distBytes: number; pagefindBytes: number };
}

export interface JUnitLarge {
  cases: number;
  inputBytes: number;
  ok: boolean;
  countsAgree: boolean;
  parseMs: number;
  heapBeforeBytes: number;
  heapAtEndBytes: number;
  /** Largest heap used at any GC between the forced GCs around the parse (see junit-large.ts). */
  peakHeapBytes: number;
  retainedHeapBytes: number;
  peakRssBytes: number;
  /** The test report page's view model of the report (src/model/junit/view.ts): rows listed of how many. */
  view?: {
    buildMs: number;
    problems: { shown: number; total: number };
    flaky: { shown: number; total: number };
    suites: { shown: number; total: number };
    slowest: number;
    /** The view as JSON: everything the page renders from the file. */
    jsonBytes: number;
  };
  page?: {
    exitCode: number;
    wallMs: number;
    cpuMs: number;
    peakTreeRssBytes: number;
    reportHtmlBytes?: number;
    reportPage?: string;
    attachmentBytes?: number;
    note?: string;
  };
}

export interface Scaling {
  tool: Tool;
  /** Exponents k of cost ∝ N^k. */
  wall: number;
  cpu: number;
  peakTreeRss: number;
  /** Marginal cost of one more release between the smallest and the largest N (fixed costs drop out). */
  wallMsPerRelease: number;
  cpuMsPerRelease: number;
  rssBytesPerRelease: number;
}

export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; memoryGiB: number; node: string; load: number[] };
  seed: string;
  /** `git describe --always --dirty` of the sources the snapshot was copied from. */
  source: string;
  sizes: SizeResult[];
  scaling: Scaling[];
  junit?: JUnitLarge;
  profile?: ProfileSummary & { n: number };
}

/** Shiplog build ÷ baseline, when both ran. */
export function ratiosOf(size: SizeResult): SizeResult['ratios'] {
  const build = size.runs.build;
  const baseline = size.runs.baseline;
  if (build?.exitCode !== 0 || baseline?.exitCode !== 0) return undefined;
  return {
    wall: build.wallMs / baseline.wallMs,
    cpu: build.cpuMs / baseline.cpuMs,
    cpuWithoutPagefind: (build.cpuMs - (build.partCpuMs ?? 0)) / (baseline.cpuMs - (baseline.partCpuMs ?? 0)),
    peakTreeRss: build.peakTreeRssBytes / baseline.peakTreeRssBytes,
    distBytes: (build.dist?.bytes ?? 0) / (baseline.dist?.bytes ?? 1),
    pagefindBytes: (build.dist?.pagefindBytes ?? 0) / (baseline.dist?.pagefindBytes ?? 1),
  };
}

/** Least-squares slope of log(y) against log(x): y ∝ x^slope. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (usable.length < 2) return Number.NaN;
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? Number.NaN : num / den;
}

export function scalingOf(sizes: readonly SizeResult[]): Scaling[] {
  return TOOLS.filter((tool) => sizes.filter((s) => s.runs[tool]?.exitCode === 0).length >= 2).map((tool) => {
    const ok = sizes.filter((s) => s.runs[tool]?.exitCode === 0);
    const slope = (pick: (r: ToolRun) => number) => round(logLogSlope(ok.map((s) => ({ x: s.n, y: pick(s.runs[tool]!) }))), 2);
    const [first, last] = [ok[0]!, ok[ok.length - 1]!];
    const marginal = (pick: (r: ToolRun) => number) => round((pick(last.runs[tool]!) - pick(first.runs[tool]!)) / (last.n - first.n), 1);
    return {
      tool,
      wall: slope((r) => r.wallMs),
      cpu: slope((r) => r.cpuMs),
      peakTreeRss: slope((r) => r.peakTreeRssBytes),
      wallMsPerRelease: marginal((r) => r.wallMs),
      cpuMsPerRelease: marginal((r) => r.cpuMs),
      rssBytesPerRelease: marginal((r) => r.peakTreeRssBytes),
    };
  });
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : '–');
const mib = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 2 : 0)} MiB`);
const kib = (bytes: number) => (Math.abs(bytes) < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`);
const times = (ratio: number | undefined) => (ratio === undefined || !Number.isFinite(ratio) ? '–' : `${ratio.toFixed(2)}×`);

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function markdown(result: BenchResult): string {
  const out: string[] = [];
  const m = result.machine;
  out.push(`## Shiplog benchmark (${result.startedAt}, ${m.cpus} CPUs, ${m.memoryGiB} GiB, Node ${m.node}, seed ${result.seed}, source ${result.source})`, '');
  out.push('Each command is its own process tree, run one after the other. CPU = user + sys of the whole tree; CPU w/o Pagefind leaves out the Pagefind processes (sampled from /proc), the comparison the build target makes; RSS tree = peak of the summed RSS of all its processes (sampled every 100 ms; shared pages count once per process); RSS max proc = the largest single process. `check` counts records/s, the others HTML pages/s.', '');
  out.push(row(['N', 'command', 'exit', 'wall', 'CPU', 'CPU w/o Pagefind', 'RSS tree', 'RSS max proc', 'items', 'items/s', 'dist', 'Pagefind', 'load 1m (before→after)']));
  out.push(row(Array(13).fill('---')));
  for (const size of result.sizes) {
    for (const tool of TOOLS) {
      const r = size.runs[tool];
      if (!r) continue;
      out.push(
        row([
          size.n,
          tool === 'build' ? 'build (Shiplog)' : tool === 'check' ? 'check (Shiplog)' : 'baseline (Astro + MDX + Pagefind)',
          r.exitCode,
          seconds(r.wallMs),
          seconds(r.cpuMs),
          tool === 'check' || r.partCpuMs === undefined ? '–' : seconds(r.cpuMs - r.partCpuMs),
          mib(r.peakTreeRssBytes),
          mib(r.peakProcessRssBytes),
          `${r.items} ${tool === 'check' ? 'records' : 'pages'}`,
          r.itemsPerSecond.toFixed(1),
          r.dist ? mib(r.dist.bytes) : '–',
          r.dist ? mib(r.dist.pagefindBytes) : '–',
          `${r.loadBefore.toFixed(1)}→${r.loadAfter.toFixed(1)}`,
        ]),
      );
    }
    if (size.ratios) {
      const x = size.ratios;
      out.push(row([size.n, '**build ÷ baseline**', '', times(x.wall), times(x.cpu), times(x.cpuWithoutPagefind), times(x.peakTreeRss), '', '', '', times(x.distBytes), times(x.pagefindBytes), '']));
    }
  }
  out.push('');

  if (result.scaling.length > 0) {
    const ns = result.sizes.map((s) => s.n).join(', ');
    const [lo, hi] = [result.sizes[0]!.n, result.sizes.at(-1)!.n];
    out.push(`Scaling: exponent k in cost ∝ N^k (log-log least squares over N = ${ns}; 1 = linear; fixed start-up costs pull it below 1), and the marginal cost of one more release between N = ${lo} and ${hi}:`, '');
    out.push(row(['command', 'k wall', 'k CPU', 'k peak RSS', 'wall / release', 'CPU / release', 'RSS / release']), row(Array(7).fill('---')));
    for (const s of result.scaling) {
      out.push(row([s.tool, s.wall, s.cpu, s.peakTreeRss, `${s.wallMsPerRelease} ms`, `${s.cpuMsPerRelease} ms`, kib(Math.round(s.rssBytesPerRelease))]));
    }
    out.push('');
  }

  const largest = result.sizes.at(-1);
  for (const tool of ['build', 'baseline'] as const) {
    const dist = largest?.runs[tool]?.dist;
    if (!dist || !largest) continue;
    out.push(`JS per page type, ${tool === 'build' ? 'Shiplog' : 'baseline'} at N = ${largest.n} (gzip; static = \`<script src>\` + static imports + modulepreload + inline; +dynamic adds what \`import()\` can load; medians over the pages of a type):`, '');
    out.push(row(['page type', 'pages', 'HTML (median)', 'JS static', 'JS static (max)', 'JS +dynamic']), row(['---', '---', '---', '---', '---', '---']));
    for (const t of dist.pageTypes) out.push(row([t.type, t.pages, kib(t.htmlBytes), kib(t.jsGzip), kib(t.jsGzipMax), kib(t.jsGzipWithDynamic)]));
    out.push('');
  }

  const phaseNames = new Set<string>();
  for (const s of result.sizes) for (const tool of ['build', 'baseline'] as const) for (const p of s.runs[tool]?.phases ?? []) phaseNames.add(p.name);
  if (phaseNames.size > 0) {
    const columns = result.sizes.flatMap((s) => (['build', 'baseline'] as const).filter((t) => s.runs[t]).map((t) => ({ s, t })));
    out.push("Phases from the tools' own logs (Astro's timings, Shiplog's check line, Pagefind CLI):", '');
    out.push(row(['phase', ...columns.map((c) => `${c.t} N=${c.s.n}`)]), row(['---', ...columns.map(() => '---')]));
    for (const name of phaseNames) {
      out.push(row([name, ...columns.map((c) => {
        const p = c.s.runs[c.t]!.phases.find((x) => x.name === name);
        return p ? seconds(p.ms) : '–';
      })]));
    }
    out.push('');
  }

  const j = result.junit;
  if (j) {
    out.push(`JUnit: ${j.cases.toLocaleString('en')} testcases, ${mib(j.inputBytes)} (test/fixtures/junit/measure-large.ts's document):`, '');
    out.push(row(['parse', 'peak heap', 'heap at end of parse', 'retained after GC', 'peak RSS (process)', 'totals agree']), row(['---', '---', '---', '---', '---', '---']));
    out.push(row([seconds(j.parseMs), mib(j.peakHeapBytes), mib(j.heapAtEndBytes), mib(j.retainedHeapBytes), mib(j.peakRssBytes), j.ok && j.countsAgree ? 'yes' : 'NO']));
    out.push('');
    if (j.view) {
      const v = j.view;
      out.push(
        `Its report page's view model (${seconds(v.buildMs)} to build, ${kib(v.jsonBytes)} as JSON): failures and errors ${v.problems.shown} listed of ${v.problems.total.toLocaleString('en')}, flaky ${v.flaky.shown} of ${v.flaky.total.toLocaleString('en')}, suites ${v.suites.shown} of ${v.suites.total.toLocaleString('en')}, slowest ${v.slowest}; passed cases are only counted.`,
        '',
      );
    }
    if (j.page) {
      const p = j.page;
      out.push(
        p.reportHtmlBytes !== undefined
          ? `Its test report page (one-release site, full \`shiplog build\`: ${seconds(p.wallMs)} wall, ${seconds(p.cpuMs)} CPU, ${mib(p.peakTreeRssBytes)} RSS tree): HTML ${kib(p.reportHtmlBytes)} (${p.reportPage}); the XML is published as an attachment (${mib(p.attachmentBytes ?? 0)} in dist).`
          : `Its test report page was not built: ${p.note ?? `build exited with ${p.exitCode}`}.`,
        '',
      );
    }
  }

  const prof = result.profile;
  if (prof) {
    out.push(`CPU profile of the Shiplog build at N = ${prof.n} (busiest of ${prof.profiles} profiles: ${seconds(prof.busyMs)} busy over ${seconds(prof.spanMs)}), self time by package:`, '');
    out.push(row(['package', 'self', 'share']), row(['---', '---', '---']));
    for (const p of prof.byPackage) out.push(row([p.name, seconds(p.ms), `${p.share}%`]));
    out.push('', 'Top functions by self time:', '', row(['function', 'where', 'self', 'share']), row(['---', '---', '---', '---']));
    for (const f of prof.topFunctions) out.push(row([`\`${f.name}\``, f.where, seconds(f.ms), `${f.share}%`]));
    out.push('');
  }
  return out.join('\n');
}
