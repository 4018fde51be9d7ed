import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app is built to `dist/` (or `JIXIAO_WEB_OUT`) and served by the server at `/` (the
 * server's `web.ts`); `npm run dev -w @jixiao/web` proxies `/api` to a server on :8080.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.JIXIAO_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
