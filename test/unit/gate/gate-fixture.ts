/**
 * The `gate-basic` fixture, patched one fact at a time: a released shop@1.0.0 whose every item
 * holds, with two system test rounds, a retrospective and a process with all eight rules
 * and a follow-up stage.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateRelease } from '../../../src/model/gate/evaluate.ts';
import type { ItemEvaluation, ReleaseGate } from '../../../src/model/gate/types.ts';
import { loadContent } from '../../../src/model/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { FIXTURES, fixtureCopy, record } from '../helpers.ts';

export const BASE = 'gate-basic';
export const RELEASE = 'releases/shop/1.0.0.md';
const baseRelease = readFileSync(path.join(FIXTURES, BASE, RELEASE), 'utf8');

/** The base release with each `[from, to]` applied; a `from` that is not there fails loudly. */
export function releaseWith(...edits: [string, string][]): string {
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the fixture release has no "${from}"`);
    return text.replace(from, to);
  }, baseRelease);
}

/** A test report of shop@1.0.0 with `fields` after the release line. */
export const report = (fields: string): string => record(`release: shop@1.0.0\n${fields.trim()}`);

export interface Gated {
  gate: ReleaseGate;
  item(id: string): ItemEvaluation;
  problems: string[];
  root: string;
}

export async function gateOf(patch: Record<string, string | null> = {}, ref = 'shop@1.0.0'): Promise<Gated> {
  const root = await fixtureCopy(BASE, patch);
  const { content, problems } = await loadContent(root);
  const release = content.releaseByRef.get(ref);
  if (!release) throw new Error(`${ref} did not load: ${problems.map(formatProblem).join('\n')}`);
  const gate = evaluateRelease(content, release)!;
  const item = (id: string) => {
    const found = gate.stages.flatMap((s) => s.items).find((i) => i.itemId === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };
  return { gate, item, problems: problems.map(formatProblem), root };
}
