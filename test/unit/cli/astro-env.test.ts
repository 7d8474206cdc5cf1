/** The environment `shiplog build` gives its `astro build` process (src/cli/build.ts). */
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV, astroEnv } from '../../../src/cli/build.ts';
import { PAGEFIND_ENV } from '../../../src/integrations/pagefind.ts';
import { SNAPSHOT_ENV } from '../../../src/portal/content.ts';

describe('astroEnv', () => {
  it('purges the native allocator at once unless the user set it, and always points at this build', () => {
    const env = astroEnv('/content', '/tmp/snap', { PATH: '/bin', SHIPLOG_CONTENT: '/elsewhere' });
    expect(env).toMatchObject({ ...ALLOCATOR_ENV, PATH: '/bin', SHIPLOG_CONTENT: '/content', [SNAPSHOT_ENV]: '/tmp/snap', [PAGEFIND_ENV]: 'after' });
    expect(env['MIMALLOC_PURGE_DELAY']).toBe('0');
  });

  it('lets the user\'s own allocator and telemetry settings win', () => {
    const env = astroEnv('/content', '/tmp/snap', { MIMALLOC_PURGE_DELAY: '10', ASTRO_TELEMETRY_DISABLED: '0' });
    expect(env['MIMALLOC_PURGE_DELAY']).toBe('10');
    expect(env['MIMALLOC_PURGE_DECOMMITS']).toBe('1');
    expect(env['ASTRO_TELEMETRY_DISABLED']).toBe('0');
  });
});
