import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
// The dev server proxies the API the way the API process serves the console in production: same origin, so the
// session cookie (SameSite=Strict) and the CSRF header work unchanged.
const api = `http://127.0.0.1:${process.env.API_PORT ?? process.env.PORT ?? '3000'}`;

export const aliases: Readonly<Record<string, string>> = {
  '@messages': resolve(repo, 'libs/i18n/messages'),
  '@i18n-shared': resolve(repo, 'libs/i18n/src'),
};

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { alias: aliases },
  build: {
    outDir: resolve(repo, 'dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline scripts or data: URLs for scripts: the console's Content-Security-Policy allows 'self' only.
    assetsInlineLimit: 0,
    // The budget that matters is the initial JavaScript gzipped, checked after the build (scripts/web-bundle-size.mjs).
    chunkSizeWarningLimit: 700,
    // The bundle carries React, Mantine and the rest compiled in: their licences go with it (NOTICE points here).
    license: { fileName: 'third-party-licenses.md' },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/v1': api, '/openapi.json': api, '/health': api },
  },
});
