// @ts-check
import { createHash } from 'node:crypto';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { publishAttachments } from './src/integrations/attachments.ts';
import { publishNoticeFiles } from './src/integrations/notice-files.ts';
import { verifyBuild } from './src/integrations/verify-build.ts';
import { devCheck } from './src/integrations/dev-check.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';
import { astroCsp } from './src/model/csp/policy.ts';
import { resolveContentRoot } from './src/model/source/files.ts';

// Astro's content cache is keyed by content folder, so switching SHIPLOG_CONTENT between
// builds never mixes records of two folders.
const contentKey = createHash('sha256').update(resolveContentRoot()).digest('hex').slice(0, 12);

// Content comes from ./content or SHIPLOG_CONTENT; `npm run build` validates it before Astro runs.
export default defineConfig({
  outDir: process.env.SHIPLOG_OUT ?? './dist',
  cacheDir: `./node_modules/.astro/${contentKey}`,
  integrations: [mdx(), publishAttachments(), publishNoticeFiles(), verifyBuild(), pagefindIndex(), devCheck()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Prism: it marks tokens with classes (coloured in global.css), where Shiki writes style=""
  // attributes the Content-Security-Policy blocks. ```mermaid fences stay plain <code> for the
  // diagram script.
  markdown: { syntaxHighlight: { type: 'prism', excludeLangs: ['mermaid'] } },
  // Keep spaces between inline elements (Astro's default 'jsx' mode removes them).
  compressHTML: false,
  devToolbar: { enabled: false },
  // Content-Security-Policy <meta> on every page (src/model/csp/policy.ts says what and why;
  // src/middleware.ts moves it to the top of <head> and sets style-src per page).
  security: { csp: astroCsp() },
  vite: {
    // Astro's content store module, cut into string literals V8 compiles in linear time (see there).
    plugins: [dataStoreModule()],
    build: {
      rollupOptions: {
        // Every MDX record triggers this harmless warning (withastro/astro#18087); at hundreds of
        // records it buries the messages that matter.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
