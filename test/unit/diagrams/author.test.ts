import { describe, expect, it } from 'vitest';
import { hasMermaidBlock, hasMermaidFence } from '../../../src/model/diagrams/index.ts';

describe('hasMermaidFence (Markdown source)', () => {
  it.each([
    ['```mermaid\nflowchart LR\n```', true],
    ['text\n\n~~~mermaid\ngantt\n~~~', true],
    ['   ````mermaid {title="x"}\na\n````', true],
    ['```Mermaid\na\n```', true],
    ['```mermaidx\na\n```', false],
    ['```js\nconst mermaid = 1;\n```', false],
    ['The word mermaid in prose', false],
    ['    ```mermaid (indented code, not a fence)', false],
  ])('%j -> %s', (body, expected) => {
    expect(hasMermaidFence(body)).toBe(expected);
  });
});

describe('hasMermaidBlock (rendered HTML, as Astro 7 writes it)', () => {
  it.each([
    // Default: Shiki highlights the fence (Sätteri .md and MDX alike).
    ['<pre class="astro-code github-dark" style="background-color:#24292e" tabindex="0" data-language="mermaid"><code><span class="line">', true],
    // markdown.syntaxHighlight.excludeLangs: ['mermaid']
    ['<pre><code class="language-mermaid">flowchart LR\n</code></pre>', true],
    ['<pre><code class="x language-mermaid y">a</code></pre>', true],
    ['<pre class="astro-code" data-language="js"><code>const mermaid = 1;</code></pre>', false],
    ['<p>language-mermaid and data-language="mermaid" as text</p>', false],
    ['<code class="language-mermaidx">a</code>', false],
  ])('%j -> %s', (html, expected) => {
    expect(hasMermaidBlock(html)).toBe(expected);
  });
});
