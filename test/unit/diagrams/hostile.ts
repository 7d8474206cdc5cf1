/**
 * Text that must never break or inject into a diagram: Mermaid syntax, keywords, entity
 * codes, HTML, Markdown, Mermaid's own placeholder characters, line breaks, emoji and
 * Chinese. Each is short enough (≤ 20 columns) to stand unclipped in every label, so a
 * test can compare the label Mermaid parsed with the text itself.
 */
export const HOSTILE_TEXTS = [
  '"double" \'single\'',
  '[b] {c} (p) ((d))',
  '#35; #quot; #9829;',
  '&amp; &lt;b&gt; &',
  'a; b | c',
  '<script>x</script>',
  '<img src=x onerror=y>',
  '<b>bold</b><br/>',
  '**md** _em_ `code`',
  '[l](javascript:x)',
  'end',
  'subgraph x',
  'click n1 call x()',
  'style n1 fill:red',
  'classDef a fill:red',
  '%%{init: {}}%%',
  '%% comment',
  'A:::cls',
  'A-->B --- C',
  '~~~ ==> -.->',
  'ﬂ°°35¶ß ﬂ°lt¶ß',
  '🚀 中文：“引号”',
  'line1\nline2\r\nl3',
  'tab\there',
  'back\\slash\\n',
  'title x',
  '2026-03-01 y',
  'section z',
  'dateFormat q',
  'accTitle: t',
  'sep\u2028x\u2029y',
  '\u0000nul\u0007bel',
] as const;

/** What a label shows for `text`: whitespace runs as one space, controls gone, trimmed. */
export function shown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
}
