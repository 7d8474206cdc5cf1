/** Release statuses, in the order a release normally moves through them. */
export const RELEASE_STATUSES = [
  'planned',
  'testing',
  'staging',
  'ready',
  'deploying',
  'released',
  'rolled-back',
  'cancelled',
] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const RELEASE_TYPES = ['standard', 'hotfix', 'temporary'] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];
