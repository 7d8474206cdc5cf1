import { describe, expect, it } from 'vitest';
import { releaseSchema, type ReleaseInput } from '../../../src/schema/index.ts';
import { calendarEntries, calendarGantt, calendarOutline } from '../../../src/model/diagrams/index.ts';
import { parseGantt } from './mermaid.ts';
import { HOSTILE, loadValid } from './samples.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

const TZ = 'Asia/Shanghai';
/** A gantt date as the calendar day Mermaid read (it parses YYYY-MM-DD in local time). */
const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function release(fields: Partial<ReleaseInput>) {
  return releaseSchema.parse({
    service: 'svc', version: '1.0.0', process: 'p', status: 'staging',
    window: { start: '2026-03-12T22:00:00+08:00', end: '2026-03-12T23:30:00+08:00' },
    plan: { rollback: { steps: ['x'] } },
    ...fields,
  });
}

describe('calendarGantt (hostile fixture, March 2026)', () => {
  it('has a section per service, a bar per window, tagged by status, and the whole month on the axis', async () => {
    const content = await loadValid(HOSTILE);
    const serviceNames = Object.fromEntries([...content.services].map(([id, s]) => [id, s.data.name]));
    const source = calendarGantt(content.releases.map((r) => r.data), '2026-03', TZ, { serviceNames });
    expect(source).not.toContain('<script');
    const gantt = await parseGantt(source);
    // Service names are clipped to 24 columns, to leave the bars their room.
    expect(gantt.sections.sort()).toEqual(['大型 "平台" 🚀 [40 comp…', '支付 "网关" <script>ale…'].sort());
    const bars = gantt.tasks.filter((t) => !t.tags.includes('vert'));
    expect(bars.map((t) => [t.text, t.tags, day(t.start), day(t.end)]).sort()).toEqual([
      ['2.0.0 · 03-28 21:00–03-29 03:00 · 上线中', ['active'], '2026-03-28', '2026-03-30'],
      ['2026-03-01 · 22:00–23:30 · 已回滚', ['crit'], '2026-03-10', '2026-03-11'],
      ['title · 03-20 10:00–03-21 02:00 · 测试中', [], '2026-03-20', '2026-03-22'],
    ].sort());
    const markers = gantt.tasks.filter((t) => t.tags.includes('vert'));
    expect(markers.map((t) => [t.text, day(t.start)])).toEqual([['2026-03', '2026-03-01'], ['2026-04', '2026-04-01']]);
    expect(calendarOutline(content.releases.map((r) => r.data), '2026-03', TZ, { serviceNames })).toHaveLength(3);
  });
});

describe('calendarEntries', () => {
  it('reads windows in the site time zone', () => {
    const early = release({ window: { start: '2026-02-28T23:00:00Z', end: '2026-02-28T23:30:00Z' } });
    expect(calendarEntries([early], '2026-03', TZ)).toHaveLength(1); // 07:00 on 1 March in Shanghai
    expect(calendarEntries([early], '2026-03', 'UTC')).toHaveLength(0); // still February in UTC
    expect(calendarEntries([early], '2026-02', 'UTC')).toHaveLength(1);
    const dateOnly = release({ window: { start: '2026-03-05', end: '2026-03-05' } });
    expect(calendarEntries([dateOnly], '2026-03', TZ)[0]!.start.toISO()).toBe('2026-03-05T00:00:00.000+08:00');
  });

  it('leaves out cancelled releases and releases without a window, and uses actual when there is no window', () => {
    const cancelled = release({ status: 'cancelled' });
    const unscheduled = release({ status: 'planned', window: undefined });
    const actualOnly = release({ status: 'planned', window: undefined, actual: { start: '2026-03-02T10:00:00+08:00' } });
    expect(calendarEntries([cancelled, unscheduled, actualOnly], '2026-03', TZ).map((e) => e.release)).toEqual([actualOnly]);
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() => calendarGantt([], '2026-3', TZ)).toThrow(/YYYY-MM/);
  });
});

describe('calendarGantt edge cases', () => {
  it('clips a window that crosses the month edge to the month', async () => {
    const long = release({ window: { start: '2026-02-27T10:00:00+08:00', end: '2026-03-02T10:00:00+08:00' } });
    const bar = (await parseGantt(calendarGantt([long], '2026-03', TZ))).tasks.find((t) => !t.tags.includes('vert'))!;
    expect([day(bar.start), day(bar.end)]).toEqual(['2026-03-01', '2026-03-03']);
    expect(bar.text).toBe('1.0.0 · 02-27 10:00–03-02 10:00 · 预热中');
  });

  it('says so when the month has no release', async () => {
    const source = calendarGantt([], '2026-07', TZ, { locale: 'en' });
    const gantt = await parseGantt(source);
    expect(gantt.tasks.every((t) => t.tags.includes('vert'))).toBe(true);
    expect(source).toContain('title No release windows this month');
    expect(calendarOutline([], '2026-07', TZ, { locale: 'en' })).toEqual(['No release windows this month']);
  });

  it.each(['title', '2026-03-01', 'section', 'click', 'gantt', 'dateFormat', 'accTitle', 'todayMarker', 'weekday'])(
    'keeps version %j a task, not a keyword',
    async (version) => {
      const gantt = await parseGantt(calendarGantt([release({ version })], '2026-03', TZ));
      const bars = gantt.tasks.filter((t) => !t.tags.includes('vert'));
      expect(bars).toHaveLength(1);
      expect(bars[0]!.text).toBe(`${version} · 22:00–23:30 · 预热中`);
    },
  );

  it.each(HOSTILE_TEXTS)('shows hostile service name %j as the section title', async (name) => {
    const gantt = await parseGantt(calendarGantt([release({})], '2026-03', TZ, { serviceNames: { svc: name } }));
    expect(gantt.sections).toEqual([shown(name)]);
    expect(gantt.tasks.filter((t) => !t.tags.includes('vert'))).toHaveLength(1);
  });
});
