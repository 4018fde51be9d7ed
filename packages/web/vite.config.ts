import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const outDir = process.env.JIXIAO_WEB_OUT ?? 'dist';

/**
 * Writes `.gz` and `.br` beside every script and stylesheet, so the server sends them compressed
 * without compressing on each request (`serveStatic({ precompressed: true })`).
 */
function precompress(): Plugin {
  return {
    name: 'jixiao-precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = join(assets, name);
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

/**
 * The web app is built to `dist/` (or `JIXIAO_WEB_OUT`) and served by the server at `/` (the
 * server's `web.ts`); `npm run dev -w @jixiao/web` proxies `/api` to a server on :8080.
 */
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
