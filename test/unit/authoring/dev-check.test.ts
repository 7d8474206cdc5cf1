/** The dev loop's integration, driven with a stand-in dev server: re-check on save, reload, overlay. */
import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { devCheck } from '../../../src/integrations/dev-check.ts';
import { fixtureCopy, record } from '../helpers.ts';

type Hooks = Required<ReturnType<typeof devCheck>['hooks']>;

function fakeServer() {
  const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
  const sent: { type: string; err?: { message: string; stack: string } }[] = [];
  const reloaded: string[] = [];
  const environment = (name: string) => ({
    moduleGraph: { getModulesByFile: (file: string) => (file.endsWith(path.join('portal', 'content.ts')) ? [{ id: `${name}:${file}` }] : undefined) },
    reloadModule: async (m: { id: string }) => void reloaded.push(m.id),
    hot: { send: (payload: (typeof sent)[number]) => void sent.push(payload) },
  });
  const server = { watcher, environments: { client: environment('client'), ssr: environment('ssr') } };
  return { server, watcher, sent, reloaded };
}

const logger = { error: vi.fn(), info: vi.fn(), warn: vi.fn() };

describe('dev-check integration', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env['SHIPLOG_CONTENT'];
  });

  it('turns on content Intellisense for astro dev and astro sync only', () => {
    const hook = devCheck().hooks['astro:config:setup'] as unknown as (o: { command: string; updateConfig: (c: unknown) => void }) => void;
    for (const command of ['dev', 'sync', 'build', 'preview']) {
      const updateConfig = vi.fn();
      hook({ command, updateConfig });
      expect(updateConfig.mock.calls.length, command).toBe(command === 'dev' || command === 'sync' ? 1 : 0);
    }
  });

  it('re-checks on a save in the content folder, prints like check, shows the overlay, and reloads the content', async () => {
    const root = await fixtureCopy('valid');
    process.env['SHIPLOG_CONTENT'] = root;
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const { server, watcher, sent, reloaded } = fakeServer();
    (devCheck().hooks['astro:server:setup'] as unknown as Hooks['astro:server:setup'])({ server, logger } as never);
    expect(watcher.add).toHaveBeenCalledWith(root);

    const file = path.join(root, 'releases/shop/1.1.0.mdx');
    await writeFile(file, record('service: shop\nversion: "1.1.0"\nprocess: standard\nstatus: plannedd'));
    watcher.emit('all', 'change', file);
    watcher.emit('all', 'change', path.join(path.dirname(root), 'elsewhere.md')); // outside: ignored
    await vi.waitFor(() => expect(sent.length).toBe(1), { timeout: 5000 });

    expect(sent[0]?.type).toBe('error');
    expect(sent[0]?.err?.message).toBe('1 problem in the content folder (npm run check prints the same)');
    expect(sent[0]?.err?.stack).toBe(
      'releases/shop/1.1.0.mdx:5:9  status  must be one of: planned, testing, staging, ready, deploying, released, rolled-back, cancelled (did you mean `planned`?)',
    );
    expect(reloaded.some((id) => id.startsWith('ssr:'))).toBe(true);
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toContain('releases/shop/1.1.0.mdx:5:9  status  must be one of');
    expect(printed).toMatch(/1 problem in 1 file \(checked 8 records in \d+ ms\)/);

    await writeFile(file, record('service: shop\nversion: "1.1.0"\nprocess: standard\nstatus: planned'));
    watcher.emit('all', 'change', file);
    await vi.waitFor(() => expect(sent.length).toBe(2), { timeout: 5000 });
    expect(sent[1]).toEqual({ type: 'full-reload', path: '*' });
  });
});
