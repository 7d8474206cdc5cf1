/**
 * The rules across records (spec: "Rules across records"), run after every record has
 * been validated on its own. Each rule reports through the context and never stops the
 * others. The gate (checklists) and JUnit totals plug in here as their own modules.
 */
import type { Content } from '../content.ts';
import type { Problem } from '../problem.ts';
import { checkBodies } from './body-safety.ts';
import { createContext, type Rule } from './context.ts';
import { checkDateOrder } from './dates.ts';
import { checkDeferredBugs } from './deferred-bugs.ts';
import { checkDependsOn } from './depends-on.ts';
import { checkFiles } from './files.ts';
import { checkGate } from './gate.ts';
import { checkReferences } from './references.ts';
import { checkReservedPaths } from './reserved-paths.ts';
import { checkStatusClaims } from './statuses.ts';
import { checkUniqueness } from './uniqueness.ts';

export const RULES: readonly Rule[] = [
  checkUniqueness,
  checkReferences,
  checkDependsOn,
  checkStatusClaims,
  checkDateOrder,
  checkFiles,
  checkDeferredBugs,
  checkBodies,
  checkGate,
  checkReservedPaths,
];

export async function runRules(content: Content): Promise<Problem[]> {
  const ctx = createContext(content);
  for (const rule of RULES) await rule(ctx);
  return ctx.problems;
}
