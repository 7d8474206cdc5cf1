/** A default or an example as an author would write it on one line of YAML. */
import { stringify } from 'yaml';

export function yamlInline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: true }).trim();
}
