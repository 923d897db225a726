import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// The delegate's phone page (vote.html → src/vote-main.tsx), built after the console's build
// (vite.config.ts) into the same dist/web: React and plain CSS, no antd, icons, charts or dayjs,
// and zod replaced by inert schemas (src/vote-inert-zod.ts says why that is safe). Its own build
// because the replacement must not reach the console, which is built with the real zod.
// The server sends dist/web/vote.html at /c/:congressId/vote (src/adapters/http/web-static.ts).
const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/vote-inert-zod.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: `${repository}dist/web`,
    emptyOutDir: false,
    assetsDir: 'assets',
    // One script and one stylesheet: fewer round trips on a crowded network.
    cssCodeSplit: false,
    rolldownOptions: {
      // Compressing every file at brotli's best (precompress.ts) takes seconds on purpose: once per
      // build, for every visit after. Rolldown would warn about a plugin that slow.
      checks: { bundlerTimings: false },
      input: { vote: `${root}vote.html` },
      // The contract's modules declare every endpoint and schema at load time; with inert
      // schemas nothing happens there, so what the page does not use is left out.
      treeshake: { manualPureFunctions: ['z', 'endpoint'] },
    },
  },
});
