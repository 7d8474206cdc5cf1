/**
 * Property-based fuzzing of the loader (fast-check). Valid records of test/fixtures/valid
 * are mutated — keys deleted, values of the wrong type, random Unicode, truncation, binary
 * garbage, deep nesting, huge numbers, duplicated lines, hostile body fragments — and
 * `loadContent` must never throw, never hang, and name a file and a line ≥ 1 in every
 * problem. A second property renders random hostile Markdown with the renderer Astro uses
 * (Sätteri) and checks that whatever body-safety lets pass renders to nothing dangerous.
 *
 * FUZZ_SEED (default 42) and FUZZ_RUNS (default 200) replay or widen a run:
 *   FUZZ_RUNS=5000 FUZZ_SEED=7 npx vitest run --project unit test/unit/security/fuzz.test.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanBody } from '../../../src/model/rules/body-safety.ts';
import { FIXTURES } from '../helpers.ts';
import type { FuzzReply, FuzzRequest } from './fuzz-worker.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 42);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
/** A case that takes longer is a hang (the loader on a fixture-sized folder takes milliseconds). */
const CASE_TIMEOUT_MS = 10_000;
/** The whole property: a generous allowance per case (a case takes ~70 ms here, 2 cores shared). */
const RUN_TIMEOUT_MS = 60_000 + RUNS * 1_000;
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fuzz-worker.ts');

// ---------------------------------------------------------------- mutations

const WRONG_VALUES = ['[]', '{}', '[[[]]]', '123', '-1', '0', '1.5', 'true', 'null', '~', '""', "''", '"x"', '1e999', '-.inf', '.nan', '0x7fffffff', '9007199254740993', '2026-13-45', '"2026-03-12T25:61:00+08:00"', '!!binary aGk=', '&a x', '*a', '|\n  block', '>-', '"\\u0000"', '[a, {b: [c]}]', '{ state: done, by: [x] }'];
const HOSTILE_BODY = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '<a href="java&#x09;script:x">x</a>', '```\n<script>', '``` x`\n<script>alert(1)</script>', '<div title=\'', '<!--', '{alert(1)}', 'import x from "y"', '<Foo bar={', '<details open>', '\u0000', '\uFEFF', '\u2028---', '\n---\n', '\n+++\n'];

type Mutation =
  | { kind: 'deleteLine' | 'duplicateLine' | 'truncate'; at: number }
  | { kind: 'wrongType'; at: number; value: string }
  | { kind: 'unicode'; at: number; text: string }
  | { kind: 'garbage'; at: number; bytes: Uint8Array }
  | { kind: 'nest'; at: number; depth: number; style: '[' | '{a: ' | '- ' | 'indent' | 'quote' }
  | { kind: 'hugeNumber'; at: number; digits: number }
  | { kind: 'hostileBody'; at: number; snippet: string };

const at = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const, 'truncate' as const), at }),
  fc.record({ kind: fc.constant('wrongType' as const), at, value: fc.constantFrom(...WRONG_VALUES) }),
  fc.record({ kind: fc.constant('unicode' as const), at, text: fc.string({ unit: 'binary', maxLength: 24 }) }),
  fc.record({ kind: fc.constant('garbage' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('nest' as const), at, depth: fc.integer({ min: 1, max: 3000 }), style: fc.constantFrom('[' as const, '{a: ' as const, '- ' as const, 'indent' as const, 'quote' as const) }),
  fc.record({ kind: fc.constant('hugeNumber' as const), at, digits: fc.integer({ min: 16, max: 400 }) }),
  fc.record({ kind: fc.constant('hostileBody' as const), at, snippet: fc.constantFrom(...HOSTILE_BODY) }),
);

function lineBounds(text: string, at: number): [number, number] {
  const pos = text.length === 0 ? 0 : at % text.length;
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const end = text.indexOf('\n', pos);
  return [start, end === -1 ? text.length : end + 1];
}

function mutate(bytes: Buffer, m: Mutation): Buffer {
  if (m.kind === 'garbage') {
    const pos = bytes.length === 0 ? 0 : m.at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, pos), Buffer.from(m.bytes), bytes.subarray(pos)]);
  }
  if (m.kind === 'truncate') return bytes.subarray(0, bytes.length === 0 ? 0 : m.at % bytes.length);
  const text = bytes.toString('utf8');
  const pos = text.length === 0 ? 0 : m.at % (text.length + 1);
  const [start, end] = lineBounds(text, m.at);
  const line = text.slice(start, end);
  let out: string;
  switch (m.kind) {
    case 'deleteLine':
      out = text.slice(0, start) + text.slice(end);
      break;
    case 'duplicateLine':
      out = text.slice(0, end) + (line.endsWith('\n') ? line : `\n${line}`) + text.slice(end);
      break;
    case 'wrongType': {
      const colon = line.indexOf(': ');
      out = colon === -1 ? text : text.slice(0, start) + line.slice(0, colon + 2) + m.value + (line.endsWith('\n') ? '\n' : '') + text.slice(end);
      break;
    }
    case 'unicode':
      out = text.slice(0, pos) + m.text + text.slice(pos);
      break;
    case 'nest': {
      const nested =
        m.style === 'indent' ? Array.from({ length: m.depth }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')
        : m.style === 'quote' ? '> '.repeat(m.depth) + 'x'
        : `x: ${m.style.repeat(m.depth)}`;
      out = text.slice(0, start) + nested + '\n' + text.slice(start);
      break;
    }
    case 'hugeNumber': {
      const colon = line.indexOf(': ');
      const huge = `${'9'.repeat(m.digits)}${m.digits % 2 ? '.5e308' : ''}`;
      out = colon === -1 ? text : text.slice(0, start) + line.slice(0, colon + 2) + huge + (line.endsWith('\n') ? '\n' : '') + text.slice(end);
      break;
    }
    case 'hostileBody':
      out = text.slice(0, pos) + m.snippet + text.slice(pos);
      break;
  }
  return Buffer.from(out, 'utf8');
}

// ---------------------------------------------------------------- the worker

let worker: ChildProcess | undefined;
let nextId = 0;

async function startWorker(): Promise<ChildProcess> {
  const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fuzz worker exited with ${code} before it was ready`)));
  });
  return child;
}

/** loadContent(root) in the worker; a case over CASE_TIMEOUT_MS kills the worker and fails. */
async function loadInWorker(root: string): Promise<FuzzReply> {
  worker ??= await startWorker();
  const child = worker;
  const id = ++nextId;
  return new Promise<FuzzReply>((resolve, reject) => {
    const onMessage = (reply: FuzzReply) => {
      if (reply.id !== id) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(reply);
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      worker = undefined;
      reject(new Error(`the loader crashed the process (exit ${code})`));
    };
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.kill('SIGKILL');
      worker = undefined;
      reject(new Error(`the loader did not finish within ${CASE_TIMEOUT_MS} ms (hang)`));
    }, CASE_TIMEOUT_MS);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ id, root } satisfies FuzzRequest);
  });
}

// ---------------------------------------------------------------- the properties

let root: string;
let seeds: { file: string; bytes: Buffer }[];

async function recordFiles(dir: string, rel = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (child !== 'attachments') files.push(...(await recordFiles(dir, child)));
    } else {
      files.push(child);
    }
  }
  return files;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'shiplog-fuzz-'));
  await cp(path.join(FIXTURES, 'valid'), root, { recursive: true });
  seeds = await Promise.all((await recordFiles(root)).map(async (file) => ({ file, bytes: await readFile(path.join(root, file)) })));
});

afterAll(async () => {
  worker?.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

describe('fuzzing the loader with mutated valid records', () => {
  it(`never throws, never hangs, and every problem names a file and a line (seed ${SEED}, ${RUNS} runs)`, async () => {
    expect(seeds.length).toBeGreaterThanOrEqual(8);
    let cases = 0;
    let slowest = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, mutations) => {
        const seed = seeds[which]!;
        const bytes = mutations.reduce(mutate, seed.bytes);
        const target = path.join(root, seed.file);
        await writeFile(target, bytes);
        try {
          const reply = await loadInWorker(root);
          cases += 1;
          slowest = Math.max(slowest, reply.ms);
          if (!reply.ok) throw new Error(`loadContent threw on ${seed.file}: ${reply.error}`);
          for (const p of reply.problems) {
            expect(p.file, p.message).toMatch(/^[^/].*[^/]$|^\.$/);
            expect(Number.isInteger(p.line) && p.line >= 1, `${p.file}:${p.line} ${p.message}`).toBe(true);
            expect(Number.isInteger(p.column) && p.column >= 1, `${p.file}:${p.line}:${p.column} ${p.message}`).toBe(true);
            expect(p.message.length).toBeGreaterThan(0);
          }
        } finally {
          await writeFile(target, seed.bytes);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`fuzz: ${cases} loader cases (seed ${SEED}, ${RUNS} runs) in ${seconds.toFixed(1)} s; slowest case ${Math.round(slowest)} ms`);
  }, RUN_TIMEOUT_MS);
});

// What the renderer outputs for a body that body-safety accepts must hold no script.
const FRAGMENTS = [
  '<script>alert(1)</script>', '<ScRiPt>', '<img src=x onerror=alert(1)>', '<img src="x"/onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>',
  '<a href="java&#x09;script:x">y</a>', '<a href=JaVaScRiPt:x>', '[x](javascript:alert(1))', '[x](<java\tscript:y>)', '[x][r]', '[r]: javascript:x',
  '<javascript:alert(1)>', '<https://ok.example>', '![i](data:image/svg+xml,x)', '```', '``` x`', '~~~', '    ', '\t', '- ', '1. ', '> ', '<div>', '</div>',
  '<details>', '<span title="', "<div title='", "'", '"', ' onmouseover=alert(1) ', ' onclick="x" ', '<!--', '-->', '<!', '<?', '</', '\n', '\n\n', 'text ',
  '<iframe src=x>', '<svg onload=alert(1)>', '<object data=x>', '<style>', '`', '<', '>', '=', '/', '&#', 'x;', '&colon;', '[', ']', '(', ')', '*', '_', '|', '---',
];
const FEATURES = { gfm: true, smartPunctuation: true } as const;
const DANGEROUS_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'base', 'meta', 'link', 'form', 'frame', 'frameset', 'applet', 'noscript', 'template']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'cite', 'background', 'srcset']);

/** What a browser would run or load from `html`: dangerous elements, event attributes, unsafe URL schemes. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterTypes.Node) => {
    if ('tagName' in node) {
      if (DANGEROUS_TAGS.has(node.tagName)) found.push(`<${node.tagName}>`);
      for (const attr of node.attrs) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${name} on <${node.tagName}>`);
        if (URL_ATTRS.has(name)) {
          for (const url of name === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [attr.value]) {
            const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
            const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
            if (scheme && !['http', 'https', 'mailto'].includes(scheme)) found.push(`${name}=${scheme}: on <${node.tagName}>`);
          }
        }
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit(node.content);
  };
  visit(parseFragment(html));
  return found;
}

describe('fuzzing body-safety against the renderer', () => {
  it(`whatever it accepts renders with no script, event attribute or unsafe URL (seed ${SEED}, ${RUNS * 5} runs)`, () => {
    const started = performance.now();
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }), (parts) => {
        const body = parts.join('');
        if (scanBody(body, false).length > 0) return;
        accepted += 1;
        const { html } = markdownToHtml(body, { features: FEATURES });
        expect(dangers(html), `body ${JSON.stringify(body)} rendered ${JSON.stringify(html)}`).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
    console.log(`fuzz: ${RUNS * 5} body cases (${accepted} accepted by body-safety) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, RUN_TIMEOUT_MS);
});
