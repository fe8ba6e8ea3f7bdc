import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The SPA lives in web/ and is built into web/dist, which the Fastify app serves with an SPA fallback.
// `npx vite` starts a dev server that proxies /api to the API on port 3000 (`npm run dev`).
export default defineConfig({
  root: join(here, 'web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: join(here, 'web', 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    // antd and echarts are large libraries; features load them lazily (React.lazy per route).
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
});
