/**
 * `npm run bench -- [--sizes 100,500] [--seed 1] [--keep] [--json out.json] [--cpu-prof]
 *                   [--only check,build,baseline] [--junit-cases 50000] [--no-junit] [--no-junit-page]`
 * `npm run bench -- --report out.json` prints the tables of a saved result again.
 *
 * For each N: generates a content folder of N releases (test/bench/generate), then runs, one
 * after the other and each as its own process tree, `shiplog check`, the full `shiplog build`
 * (SHIPLOG_OUT in a temp folder) and the bare-Astro baseline (test/bench/baseline.ts, then
 * Pagefind on its dist). Measures wall, CPU and peak RSS of each tree (test/bench/measure.ts),
 * weighs both sites (test/bench/dist-stats.ts), reads the tools' own phase timings, and fits
 * the scaling exponent over the sizes. Shiplog runs from a snapshot of this repository's
 * sources in the temp folder (see snapshotRepo). Then parses a 50,000-case JUnit report and builds its
 * test report page. Prints markdown tables; `--json` writes everything measured.
 * `--cpu-prof` adds one more (untimed) Shiplog build at the largest N with V8's CPU profiler
 * and summarises where its CPU went.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBaseline } from './baseline.ts';
import { distStats, shiplogPageType } from './dist-stats.ts';
import { generateContent, REPO } from './generate/index.ts';
import { largeJUnit } from './generate/junit.ts';
import { measure, type Measurement } from './measure.ts';
import { astroPhases } from './phases.ts';
import { summariseProfiles } from './profile.ts';
import { markdown, ratiosOf, scalingOf, TOOLS, type BenchResult, type JUnitLarge, type SizeResult, type ToolRun } from './report.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,500' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string', default: TOOLS.join(',') },
    'cpu-prof': { type: 'boolean', default: false },
    'junit-cases': { type: 'string', default: '50000' },
    'no-junit': { type: 'boolean', default: false },
    'no-junit-page': { type: 'boolean', default: false },
    report: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, '')}\n`);
  process.exit(0);
}
if (values.report) {
  // Re-render a saved --json result (derived figures recomputed), e.g. to compare two runs.
  const saved = JSON.parse(readFileSync(path.resolve(values.report), 'utf8')) as BenchResult;
  for (const size of saved.sizes) {
    const ratios = ratiosOf(size);
    if (ratios) size.ratios = ratios;
  }
  saved.scaling = scalingOf(saved.sizes);
  process.stdout.write(`${markdown(saved)}\n`);
  process.exit(0);
}
const sizes = values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const only = new Set(values.only.split(',').map((s) => s.trim()));
if (sizes.length === 0 || [...only].some((t) => !(TOOLS as readonly string[]).includes(t))) {
  process.stderr.write(`--sizes takes positive integers (100,500); --only takes ${TOOLS.join(', ')}\n`);
  process.exit(2);
}

/** Pagefind's processes (its npm wrapper and binary): their CPU is reported apart, as the targets count it apart. */
const PAGEFIND = /pagefind/;

const work = path.join(os.tmpdir(), `shiplog-bench-${process.pid}`);
mkdirSync(work, { recursive: true });
const say = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  // This repo's node_modules/.bin first: npx and the scripts run on the pinned Node 22.
  PATH: `${path.join(REPO, 'node_modules/.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
};
delete baseEnv['NODE_OPTIONS'];

/**
 * A snapshot of the Shiplog sources to build from, with this repo's node_modules linked in.
 * Astro writes build files into `<root>/.astro/` (content-modules.mjs, the .prerender bundle)
 * whatever cacheDir says, so two builds in one checkout at once break each other (seen here:
 * ERR_MODULE_NOT_FOUND for .astro/.prerender chunks while e2e tests built the sample). The
 * snapshot gives the benchmark its own root, and a source tree nobody edits mid-run.
 */
const SNAPSHOT = ['src', 'public', 'templates', 'schemas', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
function snapshotRepo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of SNAPSHOT) {
    if (existsSync(path.join(REPO, name))) cpSync(path.join(REPO, name), path.join(dir, name), { recursive: true });
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
const SHIPLOG = snapshotRepo(path.join(work, 'shiplog'));

/** Shiplog's Astro cache for a content folder (astro.config.mjs keys it by the folder's path). */
function shiplogCacheDir(content: string): string {
  return path.join(REPO, 'node_modules/.astro', createHash('sha256').update(path.resolve(REPO, content)).digest('hex').slice(0, 12));
}

function toolRun(m: Measurement, items: number, phases: ToolRun['phases'], dist?: ToolRun['dist']): ToolRun {
  return { ...m, items, itemsPerSecond: items / (m.wallMs / 1000), phases, ...(dist ? { dist } : {}) };
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => !/├─|└─/.test(l)).slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const result: BenchResult = {
  startedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.versions.node, load: os.loadavg().map((l) => Math.round(l * 10) / 10) },
  seed: values.seed,
  source: sourceRevision(),
  sizes: [],
  scaling: [],
};

for (const n of sizes) {
  const dir = path.join(work, `n${n}`);
  const content = path.join(dir, 'content');
  say(`N=${n}: generating into ${content}`);
  const t0 = performance.now();
  const summary = await generateContent({ root: content, releases: n, seed: values.seed });
  const size: SizeResult = { n, records: 0, generateMs: Math.round(performance.now() - t0), content: summary, runs: {} };
  const env = { ...baseEnv, SHIPLOG_CONTENT: content };

  if (only.has('check')) {
    say(`N=${n}: shiplog check`);
    const m = await measure(['npm', 'run', '-s', 'check'], { cwd: SHIPLOG, env, log: path.join(dir, 'check.log') });
    const records = Number(/checked (\d+) records/.exec(readFileSync(m.log, 'utf8'))?.[1] ?? 0);
    size.records = records;
    size.runs.check = toolRun(m, records, astroPhases(readFileSync(m.log, 'utf8')));
    if (m.exitCode !== 0) say(`check failed (exit ${m.exitCode}):\n${tail(m.log)}`);
  }

  if (only.has('build')) {
    say(`N=${n}: shiplog build`);
    const out = path.join(dir, 'dist');
    rmSync(shiplogCacheDir(content), { recursive: true, force: true });
    const m = await measure(['npm', 'run', '-s', 'build'], { cwd: SHIPLOG, env: { ...env, SHIPLOG_OUT: out }, log: path.join(dir, 'build.log'), part: PAGEFIND });
    const dist = m.exitCode === 0 && existsSync(out) ? distStats(out, shiplogPageType) : undefined;
    size.runs.build = toolRun(m, dist?.htmlPages ?? 0, astroPhases(readFileSync(m.log, 'utf8')), dist);
    if (m.exitCode !== 0) say(`build failed (exit ${m.exitCode}):\n${tail(m.log)}`);
    rmSync(shiplogCacheDir(content), { recursive: true, force: true });

    if (values['cpu-prof'] && n === Math.max(...sizes)) {
      say(`N=${n}: shiplog build again, with --cpu-prof (not timed)`);
      const profDir = path.join(dir, 'cpu-prof');
      rmSync(shiplogCacheDir(content), { recursive: true, force: true });
      // Node refuses --cpu-prof in NODE_OPTIONS; given to the CLI's node, it is passed on to
      // the `astro build` process (src/cli/build.ts).
      const p = await measure(['npx', 'node', '--cpu-prof', `--cpu-prof-dir=${profDir}`, 'src/cli/shiplog.ts', 'build'], {
        cwd: SHIPLOG,
        env: { ...env, SHIPLOG_OUT: path.join(dir, 'dist-prof') },
        log: path.join(dir, 'build-prof.log'),
      });
      const summaryOfProf = p.exitCode === 0 ? summariseProfiles(profDir, SHIPLOG) : undefined;
      if (summaryOfProf) result.profile = { ...summaryOfProf, n };
      else say(`profiled build failed (exit ${p.exitCode}):\n${tail(p.log)}`);
      rmSync(shiplogCacheDir(content), { recursive: true, force: true });
    }
  }

  if (only.has('baseline')) {
    say(`N=${n}: bare Astro + MDX baseline, then Pagefind`);
    const project = path.join(dir, 'baseline');
    await createBaseline(project, content, REPO);
    const m = await measure(['sh', '-c', 'npx astro build && npx pagefind --site dist'], { cwd: project, env: baseEnv, log: path.join(dir, 'baseline.log'), part: PAGEFIND });
    const out = path.join(project, 'dist');
    const dist = m.exitCode === 0 && existsSync(out) ? distStats(out, () => 'record page') : undefined;
    size.runs.baseline = toolRun(m, dist?.htmlPages ?? 0, astroPhases(readFileSync(m.log, 'utf8')), dist);
    if (m.exitCode !== 0) say(`baseline failed (exit ${m.exitCode}):\n${tail(m.log)}`);
  }

  const ratios = ratiosOf(size);
  if (ratios) size.ratios = ratios;
  result.sizes.push(size);
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
result.scaling = scalingOf(result.sizes);

if (!values['no-junit']) {
  const cases = Number(values['junit-cases']);
  say(`JUnit: parsing a ${cases}-case report`);
  const junit = await junitLarge(cases);
  if (junit) {
    result.junit = junit;
    if (!values['no-junit-page']) {
      say('JUnit: building the test report page of that report (one-release site)');
      junit.page = await junitPage(cases);
    }
  }
}

const text = markdown(result);
process.stdout.write(`${text}\n`);
if (values.json) {
  writeFileSync(path.resolve(values.json), `${JSON.stringify(result, null, 2)}\n`);
  say(`wrote ${path.resolve(values.json)}`);
}
if (values.keep) say(`kept everything under ${work}`);
else rmSync(work, { recursive: true, force: true });
const failed = result.sizes.some((s) => Object.values(s.runs).some((r) => r.exitCode !== 0));
process.exitCode = failed ? 1 : 0;

/** The commit the snapshot was taken from, `-dirty` when the working tree had changes. */
function sourceRevision(): string {
  try {
    return execFileSync('git', ['-C', REPO, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Runs test/bench/junit-large.ts in its own process and reads its RESULT line and GC trace. */
async function junitLarge(cases: number): Promise<JUnitLarge | undefined> {
  const stdout = await new Promise<string>((resolve) => {
    const child = spawn('npx', ['tsx', 'test/bench/junit-large.ts', String(cases)], { cwd: REPO, env: baseEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) {
    say(`junit-large printed no result:\n${stdout.slice(-2000)}`);
    return undefined;
  }
  const parsed = JSON.parse(line.slice('RESULT '.length)) as Omit<JUnitLarge, 'peakHeapBytes'>;
  // "[pid:0x…]  123 ms: Scavenge 10.5 (12.0) -> 9.8 (13.0) MB, … testing; …" — between the forced GCs.
  const gcs = stdout.split('\n').map((l) => /ms: [\w-]+(?: \([\w ]+\))? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB.*?(testing)?;/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  const first = gcs.findIndex((m) => m[3] === 'testing');
  const last = gcs.findLastIndex((m) => m[3] === 'testing');
  let peak = Math.max(parsed.heapAtEndBytes, parsed.heapBeforeBytes);
  if (first >= 0 && last > first) {
    for (const m of gcs.slice(first + 1, last + 1)) peak = Math.max(peak, Number(m[1]) * 1024 * 1024);
  }
  return { ...parsed, peakHeapBytes: Math.round(peak) };
}

/** A one-release site whose test report carries the large JUnit file, built in full. */
async function junitPage(cases: number): Promise<NonNullable<JUnitLarge['page']>> {
  const dir = path.join(work, 'junit-page');
  const content = path.join(dir, 'content');
  await generateContent({ root: content, releases: 1, seed: values.seed });
  const reports = path.join(content, 'test-reports');
  const reportFile = readdirSync(reports, { recursive: true, encoding: 'utf8' }).find((f) => /\.mdx?$/.test(f));
  if (!reportFile) return { exitCode: 1, wallMs: 0, cpuMs: 0, peakTreeRssBytes: 0, note: 'the generator wrote no test report' };
  const xml = `attachments/large/junit-${cases}.xml`;
  mkdirSync(path.join(content, 'attachments/large'), { recursive: true });
  writeFileSync(path.join(content, xml), largeJUnit(cases));
  const file = path.join(reports, reportFile);
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(file, 'utf8')) ?? [];
  // The generator writes `junit:` + one `  - attachments/….xml` line, and `cases:` on one line.
  const kept = front.split('\n').filter((l) => !/^(junit|cases):/.test(l) && !/^ {2}- attachments\/.*\.xml$/.test(l));
  writeFileSync(file, `---\n${[...kept, 'junit:', `  - ${xml}`].join('\n')}\n---\n${body}`);
  const out = path.join(dir, 'dist');
  rmSync(shiplogCacheDir(content), { recursive: true, force: true });
  const m = await measure(['npm', 'run', '-s', 'build'], { cwd: SHIPLOG, env: { ...baseEnv, SHIPLOG_CONTENT: content, SHIPLOG_OUT: out }, log: path.join(dir, 'build.log') });
  rmSync(shiplogCacheDir(content), { recursive: true, force: true });
  const base = { exitCode: m.exitCode, wallMs: m.wallMs, cpuMs: m.cpuMs, peakTreeRssBytes: m.peakTreeRssBytes };
  if (m.exitCode !== 0) return { ...base, note: `the build failed:\n${tail(m.log)}` };
  const page = readdirSync(path.join(out, 'test-reports'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('index.html') && f !== 'index.html');
  const attachment = path.join(out, xml);
  return {
    ...base,
    ...(page ? { reportHtmlBytes: statSync(path.join(out, 'test-reports', page)).size, reportPage: `test-reports/${page}` } : { note: 'no test report page in dist' }),
    attachmentBytes: existsSync(attachment) ? statSync(attachment).size : 0,
    ...(existsSync(out) ? {} : { note: 'no dist' }),
  };
}
