/**
 * The gate at build: a violation is a problem on the release file at its `status` line, field
 * `checklist.<item>`, naming the release, stage, item and reason — exactly as `npm run check`
 * prints it. The existing `valid` fixture keeps passing with the gate in.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, fixtureCopy, problemsOf } from '../helpers.ts';
import { BASE, RELEASE, releaseWith, report } from './gate-fixture.ts';

/** `npm run check` run from inside the content folder, so printed paths are relative to it. */
function check(root: string) {
  return spawnSync(process.execPath, [path.join(REPO, 'src/cli/shiplog.ts'), 'check', '--content', root], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
}

const OPEN_B = report('title: System test (2nd)\nstage: system\nround: 2\nend: 2026-03-08\nverdict: pass\nbugs:\n  - { id: BUG-1, title: Refund rounding, severity: B, status: open }');

describe('gate problems', () => {
  it('pins the text of a manual item and a rule item that fail', async () => {
    const root = await fixtureCopy(BASE, {
      [RELEASE]: releaseWith(['  launch-plan: done\n', '']),
      'test-reports/shop/1.0.0-system-r2.md': OPEN_B,
    });
    expect(await problemsOf(root)).toEqual([
      'releases/shop/1.0.0.md:5:9  checklist.bugs  shop@1.0.0: stage Test (test) item bugs fails: 1 open B bug (limit 0): BUG-1 (System test (2nd), round 2) (fix it, or waive it: checklist: { bugs: { state: waived, by: …, note: … } })',
      'releases/shop/1.0.0.md:5:9  checklist.launch-plan  shop@1.0.0: stage Test (test) item launch-plan fails: not done yet (tick it: checklist: { launch-plan: done }, mark it n/a with a note, or waive it: checklist: { launch-plan: { state: waived, by: …, note: … } })',
    ]);
  });

  it('lets `npm run check` pass the fixture whose every item holds', () => {
    const ok = check(path.join(FIXTURES, BASE));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^checked 7 records in \d+ ms: no problems\n$/);
  });

  it('makes `npm run check` fail with the pinned line', async () => {
    const run = check(await fixtureCopy(BASE, { [RELEASE]: releaseWith(['result: pass', 'result: fail']) }));
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(
      'releases/shop/1.0.0.md:5:9  checklist.verified  shop@1.0.0: stage Go live (go-live) item verified fails: verification result fail (Bo, 2026-03-12) (fix it, or waive it: checklist: { verified: { state: waived, by: …, note: … } })',
    );
    expect(run.stderr).toMatch(/^1 problem in 1 file \(checked 7 records/m);
  });

  it('leaves the valid fixture without problems', async () => {
    expect(await problemsOf(path.join(FIXTURES, 'valid'))).toEqual([]);
  });
});
