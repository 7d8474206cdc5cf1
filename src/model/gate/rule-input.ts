/** What every gate rule reads: the whole content (reports, retrospectives), the release and the item. */
import type { ChecklistItem } from '../../schema/index.ts';
import type { Content, ReleaseRecord } from '../content.ts';

export interface RuleInput {
  content: Content;
  release: ReleaseRecord;
  item: ChecklistItem;
  /** site.timezone: dates written without a time are read in it. */
  timezone: string;
}
