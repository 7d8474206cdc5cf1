/**
 * Astro's content store module cut into several string literals (src/integrations/data-store-module.ts):
 * the module must give the very same value, whatever characters fall on a cut; any other
 * module shape, or a small store, is left alone.
 */
import { describe, expect, it } from 'vitest';
import { splitStoreLiteral } from '../../src/integrations/data-store-module.ts';

/** The value of an `export default <expression>` module. */
function valueOf(code: string): unknown {
  const expression = code.trim().replace(/^export default /, '').replace(/;$/, '');
  return new Function(`return (${expression});`)();
}

const astroModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

describe('splitStoreLiteral', () => {
  const store = {
    releases: Array.from({ length: 400 }, (_, i) => ({
      id: `shop/${i}.md`,
      rendered: { html: `<p>发布说明 ${i} — "quoted" \\ back\\slash \n newline 🚀 emoji ${'x'.repeat(i % 37)}</p>` },
    })),
  };

  it('cuts the literal and keeps the value, with cuts inside escapes, CJK and surrogate pairs', () => {
    const code = astroModule(store);
    for (const limit of [7, 64, 1000, 4097]) {
      const split = splitStoreLiteral(code, limit);
      expect(split).toBeDefined();
      expect(split!.split('\n').length).toBeGreaterThan(3);
      expect(valueOf(split!)).toEqual(store);
      expect(valueOf(split!)).toEqual(valueOf(code));
    }
  });

  it('takes Astro’s module with a trailing semicolon or newline', () => {
    expect(valueOf(splitStoreLiteral(`${astroModule(store)};\n`, 500)!)).toEqual(store);
  });

  it('leaves a small store, and any other module shape, as it is', () => {
    expect(splitStoreLiteral(astroModule({ a: 1 }))).toBeUndefined();
    const big = 'y'.repeat(2000);
    expect(splitStoreLiteral(`export default new Map([["a", "${big}"]])`, 100)).toBeUndefined();
    expect(splitStoreLiteral(`export default JSON.parse(${JSON.stringify(big)}) + 1`, 100)).toBeUndefined();
    expect(splitStoreLiteral(`export default JSON.parse("${big}", reviver)`, 100)).toBeUndefined();
    expect(splitStoreLiteral(`export default JSON.parse(["${big}"].join(''))`, 100)).toBeUndefined();
  });
});
