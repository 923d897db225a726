import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

// The web application: Vite root is this folder; the build goes to dist/web at the repository
// root, which the server serves (src/adapters/http/web-static.ts). In development `vite` proxies
// /api (including the event stream) to the server on localhost:3000. The delegate's phone page
// has a light build of its own (vite.vote.config.ts, run after this one into the same folder).
// Every file is written with .br and .gz copies beside it (precompress.ts).
const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: `${repository}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    assetsDir: 'assets',
    rolldownOptions: {
      // Compressing every file at brotli's best (precompress.ts) takes seconds on purpose: once per
      // build, for every visit after. Rolldown would warn about a plugin that slow.
      checks: { bundlerTimings: false },
      output: {
        // Libraries in chunks of their own: they change less often than the app, so browsers
        // keep them across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
