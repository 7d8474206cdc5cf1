/**
 * Client script: draws the page's Mermaid diagrams as SVG. It finds the figures of
 * Diagram.astro (`figure[data-diagram]`) and the ```mermaid fences of record bodies (in
 * `.prose`), and only when one of them comes into view does it load mermaid (a dynamic
 * import, so Vite puts mermaid in chunks that pages without diagrams never fetch). Even a
 * diagram in view at once waits for the page's `load` event and then an idle moment: mermaid
 * (about 1.4 MB gzip with its chunks) never competes with the first paint or the page's own
 * resources; until then the diagram's source and text version are on screen.
 *
 * Theme follows `<html data-theme="dark|light">` when set, else `prefers-color-scheme`, and
 * drawn diagrams are redrawn when either changes. A diagram that cannot be drawn keeps its
 * source on screen with a notice; nothing is ever left blank.
 */
import type { Mermaid } from 'mermaid';
import { diagramText } from './labels.ts';

interface Target {
  source: string;
  /** Receives the SVG. */
  canvas: HTMLElement;
  /** Shown until the diagram is drawn (the source; for figures also the text alternative). */
  fallback: HTMLElement;
  notice: HTMLElement;
  /** Once drawn, fences keep their source for screen readers (visually hidden); figures have a text alternative. */
  keepSourceForScreenReaders: boolean;
  /** Watched for visibility: the figure, or the fence's own <pre>. */
  watch: Element;
  /** Theme of the SVG now on screen; undefined until drawn. */
  drawnTheme: Theme | undefined;
  locale: string;
}

type Theme = 'dark' | 'default';

const STATE = 'data-diagram-state';
let mermaidModule: Promise<Mermaid> | undefined;
let initializedTheme: Theme | undefined;
let queue: Promise<void> = Promise.resolve();
let counter = 0;
const targets: Target[] = [];

function theme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'dark') return 'dark';
  if (chosen === 'light') return 'default';
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

/** Resolves after the `load` event, at the next idle moment (or within 2 s when the page never idles). */
function afterLoadAndIdle(): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2000 });
      else setTimeout(resolve, 0);
    });
  if (document.readyState === 'complete') return idle();
  return new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true })).then(idle);
}

function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= afterLoadAndIdle()
    .then(() => import('mermaid'))
    .then((m) => m.default);
  return mermaidModule;
}

function configure(mermaid: Mermaid, wanted: Theme): void {
  if (initializedTheme === wanted) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: wanted,
    // Mermaid 12 defaults to the ELK layout (a 1.6 MB chunk) and the "neo" look; the classic
    // dagre layout and look are enough for our flows. An author diagram may still ask for ELK.
    layout: 'dagre',
    look: 'classic',
    fontFamily: getComputedStyle(document.body).fontFamily,
    suppressErrorRendering: true,
    maxTextSize: 200_000,
  });
  initializedTheme = wanted;
}

/** Wide diagrams are not shrunk below 60 %; the canvas scrolls instead. */
function fit(target: Target): void {
  const svg = target.canvas.querySelector('svg');
  if (!svg) return;
  const natural = Number.parseFloat(svg.style.maxWidth);
  const available = target.canvas.clientWidth;
  if (Number.isFinite(natural) && available > 0 && natural * 0.6 > available) {
    svg.style.maxWidth = 'none';
    svg.style.width = `${Math.round(natural * 0.6)}px`;
    target.canvas.tabIndex = 0; // a scrollable region must be reachable by keyboard
  }
}

async function draw(target: Target): Promise<void> {
  const wanted = theme();
  if (target.drawnTheme === wanted) return;
  try {
    const mermaid = await loadMermaid();
    configure(mermaid, wanted);
    const { svg } = await mermaid.render(`shiplog-diagram-${++counter}`, target.source);
    // securityLevel 'strict': mermaid has already sanitized the SVG (DOMPurify).
    target.canvas.innerHTML = svg;
    target.canvas.hidden = false;
    if (target.keepSourceForScreenReaders) target.fallback.classList.add('diagram-visually-hidden');
    else target.fallback.hidden = true;
    target.notice.hidden = true;
    target.drawnTheme = wanted;
    target.canvas.closest('[data-diagram]')?.setAttribute(STATE, 'rendered');
    target.canvas.setAttribute(STATE, 'rendered');
    fit(target);
  } catch (error) {
    if (target.drawnTheme !== undefined) return; // a redraw failed: keep the drawn one
    const message = error instanceof Error ? error.message : String(error);
    target.notice.textContent = '';
    const strong = document.createElement('strong');
    strong.textContent = diagramText(target.locale).failed;
    const detail = document.createElement('code');
    detail.textContent = message.split('\n').slice(0, 4).join('\n');
    target.notice.append(strong, ' ', detail);
    target.notice.hidden = false;
    target.canvas.hidden = true;
    target.fallback.hidden = false;
    target.fallback.classList.remove('diagram-visually-hidden');
    target.canvas.closest('[data-diagram]')?.setAttribute(STATE, 'failed');
    target.canvas.setAttribute(STATE, 'failed');
  }
}

function enqueue(target: Target): Promise<void> {
  queue = queue.then(() => draw(target));
  return queue;
}

function figureTarget(figure: HTMLElement): Target | undefined {
  const canvas = figure.querySelector<HTMLElement>('.diagram-canvas');
  const source = figure.querySelector<HTMLElement>('.mermaid-source');
  const notice = figure.querySelector<HTMLElement>('.diagram-notice');
  const fallback = figure.querySelector<HTMLElement>('.diagram-fallback');
  if (!canvas || !source || !notice || !fallback) return undefined;
  const locale = figure.dataset['locale'] ?? document.documentElement.lang;
  return { source: source.textContent ?? '', canvas, fallback, notice, keepSourceForScreenReaders: false, watch: figure, drawnTheme: undefined, locale };
}

/** A ```mermaid fence as Astro renders it: `<pre data-language="mermaid">` (Shiki) or `<pre><code class="language-mermaid">`. */
function fenceTarget(pre: HTMLElement): Target {
  const locale = document.documentElement.lang;
  const canvas = document.createElement('div');
  canvas.className = 'diagram-canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', diagramText(locale).authorDiagram);
  canvas.hidden = true;
  const notice = document.createElement('p');
  notice.className = 'diagram-notice';
  notice.setAttribute('role', 'status');
  notice.hidden = true;
  pre.before(canvas, notice);
  pre.setAttribute('data-diagram-fence', '');
  return { source: pre.textContent ?? '', canvas, fallback: pre, notice, keepSourceForScreenReaders: true, watch: pre, drawnTheme: undefined, locale };
}

function findTargets(): Target[] {
  const found: Target[] = [];
  for (const figure of document.querySelectorAll<HTMLElement>('figure[data-diagram]:not([data-diagram-state])')) {
    const target = figureTarget(figure);
    if (target) {
      figure.setAttribute(STATE, 'pending');
      found.push(target);
    }
  }
  const fences = new Set<HTMLElement>();
  for (const el of document.querySelectorAll<HTMLElement>('.prose pre[data-language="mermaid"], .prose pre > code.language-mermaid')) {
    const pre = el.tagName === 'PRE' ? el : el.parentElement;
    if (pre && !pre.hasAttribute('data-diagram-fence') && !pre.closest('figure[data-diagram]')) fences.add(pre);
  }
  for (const pre of fences) found.push(fenceTarget(pre));
  return found;
}

function start(): void {
  const found = findTargets();
  if (found.length === 0) return;
  targets.push(...found);
  if ('IntersectionObserver' in window) {
    const byElement = new Map<Element, Target>(found.map((t) => [t.watch, t]));
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const target = byElement.get(entry.target);
          if (!entry.isIntersecting || !target) continue;
          observer.unobserve(entry.target);
          void enqueue(target);
        }
      },
      { rootMargin: '300px 0px' },
    );
    for (const element of byElement.keys()) observer.observe(element);
  } else {
    for (const target of found) void enqueue(target);
  }
  const redraw = () => {
    for (const target of targets) if (target.drawnTheme !== undefined) void enqueue(target);
  };
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
