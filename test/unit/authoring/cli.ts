/** Runs a Shiplog command as `npm run …` does (Node's own type stripping, from the repo root), with no terminal on stdin. */
import { execFile, spawnSync } from 'node:child_process';
import { REPO } from '../helpers.ts';

/** A fixed "today" for every run (2026-11-24 in the fixture's Asia/Shanghai). */
export const NOW = '2026-11-24T10:00:00+08:00';

export function run(script: 'new' | 'shiplog', args: string[], env: NodeJS.ProcessEnv = {}) {
  const entry = script === 'new' ? 'src/cli/new.ts' : 'src/cli/shiplog.ts';
  const result = spawnSync(process.execPath, [entry, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 30_000,
    stdio: ['pipe', 'pipe', 'pipe'], // stdin is a pipe, not a TTY: nothing may wait for input
    input: '',
    env: { ...process.env, NO_COLOR: '1', SHIPLOG_NOW: NOW, SHIPLOG_CONTENT: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: several runs can go at once. */
export function runAsync(script: 'new' | 'shiplog', args: string[], env: NodeJS.ProcessEnv = {}) {
  const entry = script === 'new' ? 'src/cli/new.ts' : 'src/cli/shiplog.ts';
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [entry, ...args],
      { cwd: REPO, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1', SHIPLOG_NOW: NOW, SHIPLOG_CONTENT: '', ...env } },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    child.stdin?.end(); // stdin is a pipe, not a TTY
  });
}
