/**
 * File paths in records stay inside the content folder and exist: DB scripts, their
 * rollback scripts and JUnit reports. JUnit files must also be JUnit XML (well-formed,
 * no DTD) — the totals and gate use of them belong to the test-report model.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_MAX_BYTES, validateJUnit } from '../junit/parse.ts';
import { sizeProblem } from '../junit/decode.ts';
import { checkContentFile } from '../source/files.ts';
import type { AnyRecord } from '../content.ts';
import type { PathSegment } from '../problem.ts';
import type { RuleContext } from './context.ts';

export async function checkFiles(ctx: RuleContext): Promise<void> {
  const root = ctx.content.root;
  const exists = async (record: AnyRecord, path: PathSegment[], written: string): Promise<{ absolute: string; size: number } | undefined> => {
    const check = await checkContentFile(root, written);
    if (!check.ok) {
      ctx.report(record, path, check.message, 'paths are relative to the content folder, e.g. attachments/<service>/<version>/001.sql');
      return undefined;
    }
    return check;
  };

  for (const release of ctx.content.releases) {
    const scripts = release.data.plan?.dbScripts ?? [];
    for (const [i, script] of scripts.entries()) {
      await exists(release, ['plan', 'dbScripts', i, 'file'], script.file);
      if (script.rollback) await exists(release, ['plan', 'dbScripts', i, 'rollback'], script.rollback);
    }
  }

  for (const report of ctx.content.testReports) {
    for (const [i, written] of report.data.junit.entries()) {
      const file = await exists(report, ['junit', i], written);
      if (!file) continue;
      // Size first: reading a multi-GiB file only to refuse it would exhaust memory (or throw).
      const tooLarge = sizeProblem(file.size, DEFAULT_MAX_BYTES);
      if (tooLarge) {
        ctx.report(report, ['junit', i], `${written} is not a usable JUnit report: ${tooLarge.message}`);
        continue;
      }
      // The verdict only: the portal's parse of the same file (parseJUnit) gives the same one.
      // Synchronous, as readRecord: thousands of small reports, read one after the other.
      const parsed = validateJUnit(readFileSync(file.absolute));
      if (!parsed.ok) {
        const { line, column, message } = parsed.problem;
        const where = line ? `${written}:${line}${column ? `:${column}` : ''}` : written;
        ctx.report(report, ['junit', i], `${where} is not a usable JUnit report: ${message}`);
      }
    }
  }
}
