/**
 * `shiplog build`: the same check first (a broken record stops the build before Astro
 * runs), then `astro build`, whose integration indexes the pages with Pagefind.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runCheck } from './check.ts';

export async function runBuild(root: string, extraArgs: string[] = []): Promise<number> {
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
  if (code !== 0) process.stderr.write(`build failed: astro build exited with ${code}\n`);
  return code;
}
