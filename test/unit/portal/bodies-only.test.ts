/**
 * What Astro's store keeps of a record (src/portal/bodies-only.ts): what `render()` needs and
 * nothing of the data pages read from src/model. The sample's pages are byte-identical with
 * and without it (rendered bodies, headings, MDX), which the e2e page tests hold to.
 */
import type { Loader } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { bodiesOnly, bodyOnly } from '../../../src/portal/bodies-only.ts';

type Context = Parameters<Loader['load']>[0];
type StoredEntry = Parameters<Context['store']['set']>[0];

const MARKDOWN: StoredEntry = {
  id: 'shop/1.0.0.md',
  data: { service: 'shop', version: '1.0.0', plan: { components: [{ name: 'api' }] } },
  filePath: 'content/releases/shop/1.0.0.md',
  digest: 'abc',
  rendered: {
    html: '<h2 id="notes">Notes</h2><p>Body.</p>',
    metadata: { headings: [{ depth: 2, slug: 'notes', text: 'Notes' }], imagePaths: ['./a.png'], frontmatter: { service: 'shop', version: '1.0.0' } },
  },
  assetImports: ['./a.png'],
};

describe('bodyOnly', () => {
  it('keeps the rendered HTML, headings, image paths and identity of a Markdown entry, and drops its data', () => {
    expect(bodyOnly(MARKDOWN)).toEqual({
      ...MARKDOWN,
      data: {},
      rendered: { html: MARKDOWN.rendered!.html, metadata: { headings: MARKDOWN.rendered!.metadata!.headings, imagePaths: ['./a.png'], frontmatter: {} } },
    });
  });

  it('keeps an MDX entry deferred to its module', () => {
    const mdx: StoredEntry = { id: 'shop/2.0.0.mdx', data: { service: 'shop' }, filePath: 'content/releases/shop/2.0.0.mdx', digest: 'def', deferredRender: true };
    expect(bodyOnly(mdx)).toEqual({ ...mdx, data: {} });
  });

  it('leaves the loader\'s own entry untouched', () => {
    const before = structuredClone(MARKDOWN);
    bodyOnly(MARKDOWN);
    expect(MARKDOWN).toEqual(before);
  });
});

describe('bodiesOnly', () => {
  it('stores slim entries, and passes every other store call through to the store', async () => {
    const stored = new Map<string, StoredEntry>();
    // A store whose methods need their own `this`, as Astro's class does.
    const store = {
      entries: stored,
      set(entry: StoredEntry) {
        this.entries.set(entry.id, entry);
        return true;
      },
      get(id: string) {
        return this.entries.get(id);
      },
      keys() {
        return [...this.entries.keys()];
      },
    };
    const inner: Loader = {
      name: 'inner',
      load: async ({ store: s }) => {
        s.set(MARKDOWN);
        expect(s.keys()).toEqual(['shop/1.0.0.md']);
        expect(s.get('shop/1.0.0.md')?.data).toEqual({});
      },
    };
    const loader = bodiesOnly(inner);
    expect(loader.name).toBe('inner');
    await loader.load({ store } as unknown as Context);
    expect(stored.get('shop/1.0.0.md')).toEqual(bodyOnly(MARKDOWN));
  });
});
