/** Files under the content folder that records link to, which the portal publishes at the same path. */
import type { Content } from '../content.ts';

export function referencedFiles(content: Content): string[] {
  const files = new Set<string>();
  for (const release of content.releaseByRef.values()) {
    for (const script of release.data.plan?.dbScripts ?? []) {
      files.add(script.file);
      if (script.rollback) files.add(script.rollback);
    }
  }
  for (const report of content.testReports) for (const file of report.data.junit) files.add(file);
  return [...files].map((f) => f.replace(/^\.\//, '')).sort();
}
