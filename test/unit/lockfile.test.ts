/** package-lock.json stays installable with `npm ci` (see test/tools/lockfile-platforms.ts for why). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingPlatformEntries, platformOf, type Lockfile } from '../tools/lockfile-platforms.ts';
import { REPO } from './helpers.ts';

const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as Lockfile;

describe('package-lock.json', () => {
  it('has an entry for every optional platform binary (else npm ci refuses it)', () => {
    expect(Object.keys(missingPlatformEntries(lock)), 'run: npx tsx test/tools/lockfile-platforms.ts').toEqual([]);
  });

  it('reads platforms from binary package names', () => {
    expect(platformOf('@astrojs/compiler-binding-linux-arm64-musl')).toEqual({ os: ['linux'], cpu: ['arm64'], libc: ['musl'] });
    expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
    expect(platformOf('@astrojs/compiler-binding-wasm32-wasi')).toEqual({ cpu: ['wasm32'] });
    expect(platformOf('left-pad')).toBeUndefined();
  });
});
