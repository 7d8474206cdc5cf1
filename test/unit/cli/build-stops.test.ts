/**
 * `shiplog build` before Astro starts: its check runs in a process of its own
 * (src/cli/build-check.ts), and a broken folder or a bad setting stops the build there, with
 * the same lines `shiplog check` prints and nothing written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_PART_PAGES_ENV } from '../../../src/model/search/parts.ts';
import { FIXTURES, REPO, tempFolder } from '../helpers.ts';

function shiplog(command: 'check' | 'build', env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [path.join(REPO, 'src/cli/shiplog.ts'), command], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

describe('shiplog build stops before Astro', () => {
  it('on a broken folder: every problem of `shiplog check`, then why it stopped, and no site', async () => {
    const out = path.join(await tempFolder(), 'dist');
    const content = path.join(FIXTURES, 'broken');
    const check = shiplog('check', { SHIPLOG_CONTENT: content });
    const build = shiplog('build', { SHIPLOG_CONTENT: content, SHIPLOG_OUT: out });
    expect(check.status).toBe(1);
    expect(build.status).toBe(1);
    const problems = (text: string) => text.split('\n').filter((line) => /^\S+:\d+:\d+ {2}/.test(line));
    expect(problems(check.stderr).length).toBeGreaterThan(5);
    expect(problems(build.stderr)).toEqual(problems(check.stderr));
    expect(build.stderr).toMatch(/^\d+ problems in \d+ files \(checked \d+ records in \d+ ms\)$/m);
    expect(build.stderr.trim().split('\n').at(-1)).toBe('build stopped: fix the problems above, then run npm run build again');
    expect(existsSync(out)).toBe(false);
  });

  it(`on a ${SEARCH_PART_PAGES_ENV} that is not a number of pages, naming it and its value`, async () => {
    const out = path.join(await tempFolder(), 'dist');
    const build = shiplog('build', { SHIPLOG_CONTENT: path.join(FIXTURES, 'valid'), SHIPLOG_OUT: out, [SEARCH_PART_PAGES_ENV]: '2k' });
    expect(build.status).toBe(1);
    expect(build.stderr.trim()).toBe(`build stopped: ${SEARCH_PART_PAGES_ENV} must be a whole number of pages, 1 or more; it is "2k"`);
    expect(existsSync(out)).toBe(false);
  });
});
