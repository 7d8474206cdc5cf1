/**
 * Publishes the files that records reference (DB scripts, rollback scripts, JUnit XML)
 * under the same relative path in dist/, so the links on release pages work. Only files a
 * record names are copied: drafts and unrelated attachments stay private.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referencedFiles } from '../model/queries/attachments.ts';
import { checkContentFile } from '../model/source/files.ts';
import { portalContent } from '../portal/content.ts';

export function publishAttachments(): AstroIntegration {
  return {
    name: 'shiplog:attachments',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const content = await portalContent();
        const root = content.root;
        const out = fileURLToPath(dir);
        let copied = 0;
        for (const file of referencedFiles(content)) {
          const check = await checkContentFile(root, file);
          if (!check.ok) continue; // already a check error; the build never gets here with one
          const target = path.join(out, file);
          await mkdir(path.dirname(target), { recursive: true });
          await copyFile(check.absolute, target);
          copied += 1;
        }
        logger.info(`published ${copied} attachment(s)`);
      },
    },
  };
}
