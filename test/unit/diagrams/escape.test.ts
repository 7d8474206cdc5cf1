import { describe, expect, it } from 'vitest';
import { clip, esc, escLineStart, Ids, plain, textWidth, wrap } from '../../../src/model/diagrams/escape.ts';
import { HOSTILE_TEXTS, shown } from './hostile.ts';

/** Mermaid's entity-code step (`#<n>;` -> character) as the tests' decoder. */
const undo = (text: string) => text.replace(/#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/\u2060/g, '');

describe('esc', () => {
  it.each(HOSTILE_TEXTS)('leaves only inert ASCII in %j', (text) => {
    const out = esc(text);
    const withoutCodes = out.replace(/#\d+;/g, '');
    // Every ASCII character left is a letter, digit, space or inert punctuation; no line breaks.
    expect(withoutCodes).toMatch(/^(?:[A-Za-z0-9 .,/()!?'+=@_-]|[^\u0000-\u007f])*$/);
    expect(out).not.toMatch(/[\n\r\u2028\u2029]/);
    // Mermaid's placeholder characters never stand next to each other unbroken.
    expect(undo(out.replace(/#8288;/g, '|'))).not.toMatch(/ﬂ°|¶ß/);
    // Decoding the codes gives back exactly what the label should show.
    expect(undo(out)).toBe(shown(text));
  });

  it('keeps letters, digits, CJK and emoji readable in the source', () => {
    expect(esc('支付网关 2.3.0 上线 🚀')).toBe('支付网关 2.3.0 上线 🚀');
    expect(esc('a "b" #1; c|d')).toBe('a #34;b#34; #35;1#59; c#124;d');
  });

  it('codes the first character of a gantt line, so no keyword can start it', () => {
    for (const keyword of ['title x', 'section y', '2026-03-01', 'click z', 'dateFormat w', 'gantt']) {
      const out = escLineStart(keyword);
      expect(out).toMatch(/^#\d+;/);
      expect(undo(out)).toBe(keyword);
    }
    expect(escLineStart('')).toBe('');
  });

  it('removes control characters and lone surrogates', () => {
    expect(plain('a\u0000b\u0007c')).toBe('a b c');
    expect(plain('x\ud800y')).toBe('x y');
    expect(plain('😀')).toBe('😀');
  });
});

describe('clip and wrap', () => {
  it('measures CJK and emoji as two columns', () => {
    expect(textWidth('ab')).toBe(2);
    expect(textWidth('中文')).toBe(4);
    expect(textWidth('🚀')).toBe(2);
  });

  it('clips to a width with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghijkl', 6)).toBe('abcde…');
    expect(clip('上线前数据库已完整备份', 10)).toBe('上线前数…');
    expect(textWidth(clip('上线前数据库已完整备份', 10))).toBeLessThanOrEqual(10);
  });

  it('wraps words whole, CJK anywhere, and never starts a line with closing punctuation', () => {
    expect(wrap('deploy the gateway api now', 12)).toEqual(['deploy the', 'gateway api', 'now']);
    expect(wrap('测试人员在预热环境重新执行用例', 10)).toEqual(['测试人员在', '预热环境重', '新执行用例']);
    expect(wrap('一二三四，五六', 8)).toEqual(['一二三四，', '五六']);
    expect(wrap('averyveryverylongword', 8)).toEqual(['averyver', 'yverylon', 'gword']);
  });

  it('keeps at most maxLines, the last ending in an ellipsis', () => {
    const lines = wrap('one two three four five six seven', 9, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
  });
});

describe('Ids', () => {
  it('generates n1, n2… whatever the records say', () => {
    const ids = new Ids();
    expect([ids.next(), ids.next(), ids.next()]).toEqual(['n1', 'n2', 'n3']);
    expect(new Ids('s').next()).toBe('s1');
  });
});
