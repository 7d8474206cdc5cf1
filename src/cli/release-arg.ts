/**
 * The `<service>@<version>` argument of the commands that act on one release (gate, notify):
 * the release it names, or why it names none, with the hint an author needs.
 */
import { parseReleaseRef } from '../schema/index.ts';
import type { Content, ReleaseRecord } from '../model/content.ts';
import { didYouMean } from '../model/suggest.ts';

export type ReleaseLookup = { release: ReleaseRecord } | { message: string; hint: string };

export function lookupRelease(content: Content, ref: string): ReleaseLookup {
  if (!parseReleaseRef(ref)) return { message: `"${ref}" is not a release reference`, hint: 'write <service>@<version>, such as payment-gateway@2.3.0' };
  const release = content.releaseByRef.get(ref);
  if (release) return { release };
  const refs = [...content.releaseByRef.keys()];
  return { message: `unknown release "${ref}"`, hint: didYouMean(ref, refs) ?? `releases: ${refs.join(', ')}` };
}
