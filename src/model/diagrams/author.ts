/**
 * Author diagrams: ```mermaid fences in record bodies. They are drawn in the browser by the
 * same script as the generated diagrams (src/components/diagram/render-diagrams.ts); these
 * tell a page whether a body has one, so pages without diagrams ship no diagram code.
 */

/** A fenced code block (``` or ~~~, up to three spaces of indent) whose info string starts with `mermaid`. */
const MERMAID_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*mermaid(?:[ \t{]|$)/im;

/** Whether a Markdown/MDX body has a ```mermaid fence. */
export function hasMermaidFence(body: string): boolean {
  return MERMAID_FENCE.test(body);
}

/**
 * A mermaid block as Astro renders it: Shiki's `<pre … data-language="mermaid">` (the default)
 * or `<pre><code class="language-mermaid">` (with `markdown.syntaxHighlight.excludeLangs:
 * ['mermaid']`), from Sätteri (.md) and MDX alike.
 */
const MERMAID_BLOCK = /<pre\b[^>]*\sdata-language="mermaid"|<code\b[^>]*\sclass="(?:[^"]*\s)?language-mermaid(?:\s[^"]*)?"/i;

/** Whether rendered body HTML has a mermaid block. */
export function hasMermaidBlock(html: string): boolean {
  return MERMAID_BLOCK.test(html);
}
