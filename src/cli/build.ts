/**
 * `shiplog build`: the same check first (a broken record stops the build before Astro
 * runs), then `astro build`, whose integrations publish attachments, verify that every
 * record has its page and every internal link resolves (src/integrations/verify-build.ts),
 * and index the pages with Pagefind. Ends with one line: `built N records into P pages in
 * T s: no problems`.
 *
 * Stale output: Astro empties its outDir before writing (static builds, unless
 * vite.build.emptyOutDir is false), and its content cache drops entries whose files are
 * gone (the glob loader deletes untouched ids) — with ids equal to file paths, a renamed
 * record is a new id, never a "duplicate id". So a record renamed, moved or deleted leaves
 * no page behind; test/e2e/verify-build.test.ts rebuilds into the same folder to prove it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { countPages } from '../model/verify/verify.ts';
import { runCheck } from './check.ts';

/** Where astro.config.mjs writes the site: `--outDir` if given, else SHIPLOG_OUT, else ./dist. */
function outDirOf(extraArgs: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = extraArgs.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
  const given = flag === -1 ? undefined : extraArgs[flag]!.includes('=') ? extraArgs[flag]!.split('=').slice(1).join('=') : extraArgs[flag + 1];
  return path.resolve(given ?? env['SHIPLOG_OUT'] ?? 'dist');
}

export async function runBuild(root: string, extraArgs: string[] = []): Promise<number> {
  const started = performance.now();
  const check = await runCheck(root);
  if (!check.ok) {
    process.stderr.write('build stopped: fix the problems above, then run npm run build again\n');
    return 1;
  }
  const require = createRequire(import.meta.url);
  const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [astroBin, 'build', ...extraArgs], {
      stdio: 'inherit',
      env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, SHIPLOG_CONTENT: root },
    });
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
  if (code !== 0) {
    process.stderr.write(`build failed: astro build exited with ${code}\n`);
    return code;
  }
  const pages = await countPages(outDirOf(extraArgs)).catch(() => 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`built ${check.result.recordCount} records into ${pages} pages in ${seconds} s: no problems\n`);
  return 0;
}
