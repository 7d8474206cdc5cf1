/**
 * `shiplog build`: the same check first (a broken record stops the build before Astro
 * runs), then `astro build`, whose integrations publish attachments and verify that every
 * record has its page and every internal link resolves (src/integrations/verify-build.ts),
 * then the Pagefind index. Ends with one line: `built N records into P pages in T s: no
 * problems`.
 *
 * The content is loaded and validated once: the check's result goes to the `astro build`
 * process as a snapshot (src/model/snapshot.ts), which its pages and integrations read instead
 * of the folder. The check runs in a process of its own (src/cli/build-check.ts), so this
 * process does not hold the loaded content while Astro and Pagefind run. Pagefind runs here
 * after that process has exited, so its memory and Astro's are never held at the same time.
 * Node's profiling flags given to this process (`node --cpu-prof …`) are passed on to the
 * `astro build` process.
 *
 * Stale output: Astro empties its outDir before writing (static builds, unless
 * vite.build.emptyOutDir is false), and its content cache drops entries whose files are
 * gone (the glob loader deletes untouched ids) — with ids equal to file paths, a renamed
 * record is a new id, never a "duplicate id". So a record renamed, moved or deleted leaves
 * no page behind; test/e2e/verify-build.test.ts rebuilds into the same folder to prove it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PAGEFIND_ENV, indexSite } from '../integrations/pagefind.ts';
import { searchPartPages } from '../model/search/parts.ts';
import { listDist, pageCount } from '../model/verify/verify.ts';
import { SNAPSHOT_ENV } from '../portal/content.ts';
import { checkForBuild } from './build-check.ts';
import { reportCheck, type CheckSummary } from './check.ts';

/** Node flags of this process that the `astro build` process gets too: profiling and heap sizes. */
const PASSED_ON_FLAGS = /^--(cpu-prof|heap-prof|prof\b|heap-growing-percent|max-old-space-size|max-semi-space-size)/;

/**
 * V8 lets its old generation grow to up to 4 times what survived the last full collection
 * before it collects again. Astro's page generation promotes short-lived garbage steadily (about
 * 20 KB per page): at 5,000 releases the heap swung between 0.46 GiB of live data and 1.7 GiB.
 * Growing by at most 30% between full collections holds the peak near the live data: at
 * 10,000 releases the astro process peaked at 2.5 and 2.55 GiB in two runs, against 3.4 and
 * 4.1 GiB in two runs without, in the same time (634 and 618 s against 548 and 640 s). At
 * 1,000: 0.83-0.86 GiB against 1.06-1.28 GiB (four runs each).
 */
export const HEAP_FLAGS = ['--heap-growing-percent=30'] as const;

/** The Node flags of the `astro build` process: ours, then those given to this process, which win. */
export function astroNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  const passed = execArgv.filter((flag) => PASSED_ON_FLAGS.test(flag));
  const name = (flag: string) => flag.split('=')[0];
  return [...HEAP_FLAGS.filter((flag) => !passed.some((p) => name(p) === name(flag))), ...passed];
}

/** Where astro.config.mjs writes the site: `--outDir` if given, else SHIPLOG_OUT, else ./dist. */
function outDirOf(extraArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = extraArgs.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
  const given = flag === -1 ? undefined : extraArgs[flag]!.includes('=') ? extraArgs[flag]!.split('=').slice(1).join('=') : extraArgs[flag + 1];
  return path.resolve(given ?? env['SHIPLOG_OUT'] ?? 'dist');
}

/**
 * mimalloc, the allocator of Rolldown (Vite's bundler) and of Astro's compiler, keeps the
 * pages it frees mapped until that thread allocates again: after bundling, the `astro build`
 * process kept the bundler's memory for the whole page generation. Purged at once and
 * decommitted, the process's peak RSS at 1,000 releases fell from 1.59 to 1.14 GiB, in the
 * same time. (mimalloc reads these at start; each alone gave 1.82 and 1.26 GiB.)
 */
export const ALLOCATOR_ENV = { MIMALLOC_PURGE_DELAY: '0', MIMALLOC_PURGE_DECOMMITS: '1' } as const;

/** The environment of the `astro build` process; a setting of the user's own wins over ours. */
export function astroEnv(root: string, snapshot: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ASTRO_TELEMETRY_DISABLED: '1', ...ALLOCATOR_ENV, ...env, SHIPLOG_CONTENT: root, [SNAPSHOT_ENV]: snapshot, [PAGEFIND_ENV]: 'after' };
}

export async function runBuild(root: string, extraArgs: string[] = []): Promise<number> {
  const started = performance.now();
  let searchPartSize: number;
  try {
    searchPartSize = searchPartPages();
  } catch (error) {
    process.stderr.write(`build stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const require = createRequire(import.meta.url);
  const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  const temp = await mkdtemp(path.join(os.tmpdir(), 'shiplog-build-'));
  let check: CheckSummary;
  let code: number;
  try {
    const snapshot = path.join(temp, 'content.snapshot');
    check = await checkForBuild({ root, snapshot });
    if (!reportCheck(check, root)) {
      process.stderr.write('build stopped: fix the problems above, then run npm run build again\n');
      return 1;
    }
    code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [...astroNodeFlags(), astroBin, 'build', ...extraArgs], {
        stdio: 'inherit',
        env: astroEnv(root, snapshot),
      });
      child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
      child.on('error', () => resolve(1));
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  if (code !== 0) {
    process.stderr.write(`build failed: astro build exited with ${code}\n`);
    return code;
  }
  const out = outDirOf(extraArgs);
  let pages: number;
  try {
    // One listing for both: Pagefind adds no page.
    const files = await listDist(out);
    pages = pageCount(files);
    const indexed = await indexSite(out, searchPartSize, files);
    process.stdout.write(`[shiplog:pagefind] search index: ${indexed} pages\n`);
  } catch (error) {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`built ${check.recordCount} records into ${pages} pages in ${seconds} s: no problems\n`);
  return 0;
}
