/** `service` + `version` is unique across releases; component ids are unique in a release. */
import type { ReleaseRecord } from '../content.ts';
import type { RuleContext } from './context.ts';

export function checkUniqueness(ctx: RuleContext): void {
  const first = new Map<string, ReleaseRecord>();
  for (const release of ctx.content.releases) {
    const earlier = first.get(release.ref);
    if (earlier) {
      ctx.report(release, ['version'], `release ${release.ref} is already defined in ${earlier.file}`, 'each service@version has exactly one record');
    } else {
      first.set(release.ref, release);
    }
    const ids = new Set<string>();
    release.data.plan?.components.forEach((c, i) => {
      if (ids.has(c.id)) ctx.report(release, ['plan', 'components', i, 'id'], `component id "${c.id}" is used twice in this release`);
      ids.add(c.id);
    });
  }
}
