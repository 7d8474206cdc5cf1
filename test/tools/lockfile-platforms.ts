/**
 * The npm registry reachable here does not serve some platform binaries of @astrojs/compiler-binding
 * and @pagefind (darwin, windows, …: 404), so `npm install` leaves them out of package-lock.json and
 * `npm ci` then refuses the lockfile ("Missing: … from lock file"). This adds an entry for each
 * such optional platform package, with the os/cpu/libc that npm uses to skip it on other machines,
 * so `npm ci` works here and anywhere. Run after any `npm install`: `npx tsx test/tools/lockfile-platforms.ts`.
 * test/unit/lockfile.test.ts fails when an entry is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}
export interface Lockfile {
  packages: Record<string, LockEntry>;
}

/** Platform of a binary package from its name (`…-linux-arm64-musl`, `…-win32-x64-msvc`, `…-windows-x64`). */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> | undefined {
  const m = /[-/](android|darwin|linux|win32|windows|freebsd|wasm32)-?(arm64|x64|ia32|arm|wasi)?(?:-(gnu|musl|msvc|gnueabihf))?$/.exec(name);
  if (!m) return undefined;
  const [, os, cpu, libc] = m;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  const entry: Pick<LockEntry, 'os' | 'cpu' | 'libc'> = { os: [os === 'windows' ? 'win32' : os!], cpu: [cpu ?? 'x64'] };
  if (libc === 'gnu' || libc === 'musl') entry.libc = [libc === 'gnu' ? 'glibc' : 'musl'];
  return entry;
}

/** Optional platform packages that some entry depends on but that have no entry of their own. */
export function missingPlatformEntries(lock: Lockfile): Record<string, LockEntry> {
  const added: Record<string, LockEntry> = {};
  for (const entry of Object.values(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const key = `node_modules/${name}`;
      const platform = platformOf(name);
      if (lock.packages[key] || added[key] || !platform) continue;
      added[key] = { version, optional: true, ...platform };
    }
  }
  return added;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
  const added = missingPlatformEntries(lock);
  Object.assign(lock.packages, added);
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`added ${Object.keys(added).length} platform entries: ${Object.keys(added).join(', ') || 'none'}`);
}
