/**
 * Retrospective queries: the archive by year and quarter and its filter values, the action
 * items board (grouped by owner, overdue first relative to a fixed "now"), and carry-over
 * (open items of retrospectives of earlier releases of the same service).
 */
import { describe, expect, it } from 'vitest';
import {
  actionBoard,
  carryOverActions,
  isEarlierRelease,
  openAction,
  retrospectiveFacets,
  retrospectivesByQuarter,
} from '../../../src/model/queries/retrospectives.ts';
import { buildContent, goLive, release, retro, TZ } from '../metrics/build.ts';
import { fixtureCopy, problemsOf, record } from '../helpers.ts';
import { at, sampleContent } from './sample.ts';

const NOW = at('2026-05-01T12:00:00+08:00');

function content() {
  return buildContent({
    services: { pay: 'Payments', shop: 'Shop' },
    releases: [
      release('pay', '1.0.0', goLive('2026-01-15')),
      release('pay', '1.1.0', goLive('2026-03-10')),
      release('pay', '1.2.0', { status: 'ready', window: { start: '2026-05-20T22:00:00+08:00', end: '2026-05-20T23:00:00+08:00' }, actual: undefined }),
      release('pay', '1.3.0', { status: 'planned', window: undefined, actual: undefined }),
      release('shop', '2.0.0', goLive('2026-02-01')),
    ],
    retros: [
      retro('Pay 1.0.0', ['pay@1.0.0'], {
        date: '2026-01-20',
        outcome: 'success',
        tags: ['db', 'perf'],
        actions: [
          { title: 'Index the ledger', owner: 'Ann', due: '2026-02-01', status: 'open' },
          { title: 'Write the runbook', owner: 'Bo', due: '2026-06-01', status: 'open' },
          { title: 'Done already', owner: 'Ann', due: '2026-01-25', status: 'done' },
          { title: 'Dropped', owner: 'Bo', due: '2026-01-25', status: 'dropped' },
        ],
      }),
      retro('Pay 1.1.0', ['pay@1.1.0'], {
        date: '2026-04-02',
        outcome: 'incident',
        tags: ['db'],
        actions: [
          { title: 'Due today', owner: 'Ann', due: '2026-05-01', status: 'open' },
          { title: 'Alert on lag', owner: 'Ann', due: '2026-04-20T18:00:00+08:00', status: 'open' },
          { title: 'Nobody owns this', status: 'open' },
          { title: 'Someday', owner: 'Cy', status: 'open' },
        ],
      }),
      retro('Shop 2.0.0', ['shop@2.0.0'], {
        date: '2026-02-03',
        outcome: 'partial',
        actions: [{ title: 'Shop item', owner: 'Bo', due: '2026-04-30', status: 'open' }],
      }),
      retro('Pay 1.2.0 and 1.3.0 plan', ['pay@1.2.0', 'pay@1.3.0'], { date: '2026-04-28', actions: [{ title: 'Own item', owner: 'Ann', status: 'open' }] }),
    ],
  });
}

describe('open action items relative to now', () => {
  it('are overdue after their due day (a date alone lasts the whole day) or due time', () => {
    const c = content();
    const [pay100, pay110] = c.retrospectives;
    expect(openAction(pay100!, 0, NOW, TZ)).toMatchObject({ overdue: true, daysOverdue: 89 });
    expect(openAction(pay110!, 0, NOW, TZ)).toMatchObject({ overdue: false, daysOverdue: undefined }); // due today
    expect(openAction(pay110!, 0, at('2026-05-02T00:00:00+08:00'), TZ)).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(openAction(pay110!, 1, NOW, TZ)).toMatchObject({ overdue: true, daysOverdue: 11 });
    expect(openAction(pay110!, 3, NOW, TZ)).toMatchObject({ overdue: false, dueBy: undefined });
  });
});

describe('actionBoard', () => {
  it('groups open items by owner, overdue owners and items first, items without an owner last', () => {
    const board = actionBoard(content(), NOW, TZ);
    expect(board.map((g) => [g.owner, g.overdue, g.items.map((i) => i.action.title)])).toEqual([
      ['Ann', 2, ['Index the ledger', 'Alert on lag', 'Due today', 'Own item']],
      ['Bo', 1, ['Shop item', 'Write the runbook']],
      ['Cy', 0, ['Someday']],
      [undefined, 0, ['Nobody owns this']],
    ]);
  });

  it('leaves out done and dropped items', () => {
    const titles = actionBoard(content(), NOW, TZ).flatMap((g) => g.items.map((i) => i.action.title));
    expect(titles).not.toContain('Done already');
    expect(titles).not.toContain('Dropped');
  });

  it('moves with "now": earlier, nothing is overdue', () => {
    const board = actionBoard(content(), at('2026-01-21T00:00:00+08:00'), TZ);
    expect(board.every((g) => g.overdue === 0)).toBe(true);
  });

  it('on the sample (now 2026-11-24): overdue items lead each owner, owners with overdue items first', async () => {
    const board = actionBoard(await sampleContent(), at('2026-11-24T12:00:00+08:00'), TZ);
    const open = board.flatMap((g) => g.items);
    expect(open).toHaveLength(7);
    expect(board.map((g) => g.owner)).toEqual(['李娜', '赵敏', '冯浩', '许晴', '张伟', '王强']);
    expect(open.filter((i) => i.overdue).map((i) => i.action.title)).toEqual([
      '预热环境补充生产量级的支付与退款数据',
      '对账任务改读只读从库',
      '分片热点自动检测与告警',
      'Safari 15 日期选择器修复(BUG-5011)',
    ]);
    for (const group of board) {
      const flags = group.items.map((i) => i.overdue);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    }
    expect(board.findIndex((g) => g.overdue === 0)).toBeGreaterThan(board.findLastIndex((g) => g.overdue > 0));
  });
});

describe('carryOverActions', () => {
  it('takes open items of retrospectives of earlier releases of the same service only', () => {
    const c = content();
    const carried = (ref: string) => carryOverActions(c, c.releaseByRef.get(ref)!, NOW, TZ).map((i) => i.action.title);
    // 1.2.0 (window in May): 1.0.0 and 1.1.0 are earlier; its own retrospective and the shop's are not carried.
    expect(carried('pay@1.2.0')).toEqual(['Index the ledger', 'Alert on lag', 'Due today', 'Write the runbook', 'Nobody owns this', 'Someday']);
    // 1.1.0: only 1.0.0 is earlier.
    expect(carried('pay@1.1.0')).toEqual(['Index the ledger', 'Write the runbook']);
    expect(carried('pay@1.0.0')).toEqual([]);
    // 1.3.0 (no window yet) comes after every dated release; the retrospective naming it is its own.
    expect(carried('pay@1.3.0')).toEqual(carried('pay@1.2.0'));
    expect(carried('shop@2.0.0')).toEqual([]);
  });

  it('names the earlier releases each item comes from', () => {
    const c = content();
    const [first] = carryOverActions(c, c.releaseByRef.get('pay@1.1.0')!, NOW, TZ);
    expect(first!.from.map((r) => r.ref)).toEqual(['pay@1.0.0']);
    expect(first!.retro.data.title).toBe('Pay 1.0.0');
  });

  it('orders releases by go-live, by version where one has no time', () => {
    const c = content();
    const r = (ref: string) => c.releaseByRef.get(ref)!;
    expect(isEarlierRelease(r('pay@1.0.0'), r('pay@1.1.0'), TZ)).toBe(true);
    expect(isEarlierRelease(r('pay@1.1.0'), r('pay@1.0.0'), TZ)).toBe(false);
    expect(isEarlierRelease(r('pay@1.2.0'), r('pay@1.3.0'), TZ)).toBe(true);
    expect(isEarlierRelease(r('pay@1.3.0'), r('pay@1.2.0'), TZ)).toBe(false);
  });

  it('on the sample: payment-gateway 2.5.0 carries the open items of 2.3.0 and the Q2 summary', async () => {
    const sample = await sampleContent();
    const items = carryOverActions(sample, sample.releaseByRef.get('payment-gateway@2.5.0')!, at('2026-11-24T12:00:00+08:00'), TZ);
    expect(items.map((i) => [i.action.owner, i.overdue])).toEqual([
      ['李娜', true],
      ['赵敏', true],
      ['张伟', false],
      ['王强', false],
    ]);
    expect(carryOverActions(sample, sample.releaseByRef.get('payment-gateway@2.2.4')!, at('2026-11-24T12:00:00+08:00'), TZ)).toEqual([]);
  });
});

describe('the archive', () => {
  it('groups by year and quarter, newest first', () => {
    const years = retrospectivesByQuarter(content().retrospectives, TZ);
    expect(years.map((y) => [y.year, y.quarters.map((q) => [q.quarter, q.items.map((r) => r.data.title)])])).toEqual([
      [2026, [[2, ['Pay 1.2.0 and 1.3.0 plan', 'Pay 1.1.0']], [1, ['Shop 2.0.0', 'Pay 1.0.0']]]],
    ]);
  });

  it('offers the outcomes, services and tags some retrospective has', () => {
    const c = content();
    const facets = retrospectiveFacets(c, c.retrospectives);
    expect(facets.outcomes).toEqual(['success', 'partial', 'incident']);
    expect(facets.services).toEqual([{ id: 'pay', name: 'Payments' }, { id: 'shop', name: 'Shop' }]);
    expect(facets.tags).toEqual(['db', 'perf']);
  });
});

describe('reserved pages', () => {
  it('refuses a retrospective whose page would be the action items board', async () => {
    const root = await fixtureCopy('valid', { 'retrospectives/actions.md': record('title: x\nreleases: [shop@1.0.0]\ndate: 2026-03-14') });
    expect(await problemsOf(root)).toEqual([
      'retrospectives/actions.md:2:1  this file\'s page /retrospectives/actions/ is the action items board (rename the file or move it into a folder (e.g. retrospectives/2026/actions.md))',
    ]);
  });

  // Page n of the test report list is /test-reports/page/<n>/ (src/portal/test-report-list.ts).
  it('refuses a test report whose page would be a page of the test report list, whatever the number', async () => {
    const report = (round: number) =>
      record(`release: shop@1.0.0\ntitle: System test (round ${round})\nstage: system\nround: ${round}\nenvironment: test\nstart: 2026-03-02\nend: 2026-03-06\nverdict: pass`);
    const root = await fixtureCopy('valid', { 'test-reports/page/2.md': report(2), 'test-reports/page/130.md': report(3), 'test-reports/page/notes.md': report(4) });
    expect(await problemsOf(root)).toEqual([
      'test-reports/page/130.md:2:1  this file\'s page /test-reports/page/130/ is page 130 of the test report list (rename its folder (e.g. test-reports/pages/2.md))',
      'test-reports/page/2.md:2:1  this file\'s page /test-reports/page/2/ is page 2 of the test report list (rename its folder (e.g. test-reports/pages/2.md))',
    ]);
  });
});
