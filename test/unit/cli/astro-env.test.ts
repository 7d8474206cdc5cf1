/** The environment `shiplog build` gives its `astro build` process (src/cli/build.ts). */
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENV, HEAP_FLAGS, astroEnv, astroNodeFlags } from '../../../src/cli/build.ts';
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

describe('astroNodeFlags', () => {
  it('bounds the heap growth of the astro process unless told otherwise', () => {
    expect(astroNodeFlags([])).toEqual([...HEAP_FLAGS]);
    expect(HEAP_FLAGS[0]).toMatch(/^--heap-growing-percent=\d+$/);
  });

  it('passes on profiling and heap flags given to shiplog, and the user\'s growth setting replaces ours', () => {
    const given = ['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--heap-growing-percent=80', '--max-old-space-size=8192', '--inspect', '--preserve-symlinks'];
    expect(astroNodeFlags(given)).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--heap-growing-percent=80', '--max-old-space-size=8192']);
  });
});
