/**
 * Record text never reaches the page as raw HTML. Astro escapes every `{expression}`; the
 * ways around that are `set:html` in components and HTML sinks in client scripts
 * (innerHTML, outerHTML, insertAdjacentHTML, document.write). Each use must be on this
 * allowlist of reviewed files, with the reason it is safe; a new use fails until reviewed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.ts';

interface Reviewed {
  /** How many uses the file has (a second use is a new decision). */
  uses: number;
  why: string;
}

const REVIEWED: Record<string, Reviewed> = {
  'src/components/RecordBody.astro': {
    uses: 1,
    why:
      "renders Astro's own rendered Markdown/MDX of a record body (the default slot): text and code in it are " +
      'already escaped, and raw HTML in a body is limited by src/model/rules/body-safety.ts before the build runs',
  },
  'src/components/diagram/render-diagrams.ts': {
    uses: 1,
    why: "inserts the SVG that mermaid.render returns with securityLevel 'strict', which mermaid sanitizes with DOMPurify",
  },
};

const SINKS = /\bset:html\b|\.innerHTML\s*=|\.outerHTML\s*=|\binsertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\(/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(REPO, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await sourceFiles(rel)));
    else if (/\.(astro|ts|tsx|js|mjs|mts)$/.test(entry.name)) found.push(rel);
  }
  return found;
}

/** Strips JS/HTML comments so a comment that mentions set:html is not a use. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('raw HTML sinks in src/', () => {
  it('are used only by reviewed files, as many times as reviewed', async () => {
    const uses: Record<string, number> = {};
    for (const file of await sourceFiles('src')) {
      const count = [...withoutComments(await readFile(path.join(REPO, file), 'utf8')).matchAll(SINKS)].length;
      if (count > 0) uses[file] = count;
    }
    const unreviewed = Object.entries(uses)
      .filter(([file, count]) => REVIEWED[file]?.uses !== count)
      .map(([file, count]) => `${file}: ${count} use(s) of set:html / innerHTML-like sinks${REVIEWED[file] ? `, reviewed for ${REVIEWED[file].uses}` : ', not reviewed'}`);
    expect(unreviewed, 'review each new use: can record text reach it unescaped? then add it to REVIEWED with the reason').toEqual([]);
  });

  it('has a reason for every reviewed file, and no stale entry', async () => {
    const files = new Set(await sourceFiles('src'));
    for (const [file, reviewed] of Object.entries(REVIEWED)) {
      expect(reviewed.why.length, file).toBeGreaterThan(40);
      // A file that no longer exists (or no longer uses a sink) should leave the list.
      if (!files.has(file)) continue;
      const count = [...withoutComments(await readFile(path.join(REPO, file), 'utf8')).matchAll(SINKS)].length;
      expect(count, `${file} is reviewed for ${reviewed.uses} use(s)`).toBe(reviewed.uses);
    }
  });

  it('RecordBody feeds set:html only with the rendered slot', async () => {
    const text = await readFile(path.join(REPO, 'src/components/RecordBody.astro'), 'utf8');
    expect(text).toMatch(/await Astro\.slots\.render\('default'\)/);
    expect(text).toMatch(/set:html=\{shifted\}/);
  });
});
