import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..', '..');
// The dev server proxies the API the way the API process serves the console in production: same origin, so the
// session cookie (SameSite=Strict) and the CSRF header work unchanged.
const api = `http://127.0.0.1:${process.env.API_PORT ?? process.env.PORT ?? '3000'}`;

export const aliases: Readonly<Record<string, string>> = {
  '@messages': resolve(repo, 'libs/i18n/messages'),
  '@i18n-shared': resolve(repo, 'libs/i18n/src'),
};

/**
 * The service worker (issue 18): it precaches the built application shell only – every chunk of every route, the CSS,
 * the icons, index.html – and answers a navigation with the cached index.html, so the console opens without a
 * network. API answers are never cached here (Cache Storage is plaintext): no runtime caching rule at all, and the
 * navigation fallback never answers the API's own paths. Data for offline use lives encrypted in IndexedDB
 * (src/offline/).
 *
 * Updates: skipWaiting + clientsClaim (what registerType 'autoUpdate' means), without the plugin's reload of open
 * pages. A device that was offline for days takes the new build as soon as it is online again, with no prompt to
 * miss; an open page is never reloaded under a form being typed (the new shell is used from the next navigation).
 * Registration is ours (src/offline/ui/register-sw.ts, a module of the bundle): the plugin's registerSW.js would be one
 * more script tag, and its inline variant is refused by the console's CSP.
 */
export const API_PATHS_NOT_FOR_THE_SHELL: readonly RegExp[] = [
  /^\/v1(\/|$)/,
  /^\/health(\/|$)/,
  /^\/openapi\.json$/,
  /^\/metrics(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/docs/,
];

const serviceWorker = VitePWA({
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  injectRegister: null,
  filename: 'sw.js',
  manifestFilename: 'manifest.webmanifest',
  // The icons are in globPatterns already; listing them twice would precache them twice.
  includeManifestIcons: false,
  manifest: {
    name: 'casetrack',
    short_name: 'casetrack',
    description: 'Cases of detained people: record, follow, defend',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    // Mantine indigo 8: the theme's primary colour at its primary shade (app/theme.ts).
    theme_color: '#3b5bdb',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,ico,woff,woff2,webmanifest}'],
    // The licences file is for people, not for the shell.
    globIgnores: ['**/third-party-licenses.md'],
    // The largest route chunk must fit, or a page would be missing offline (the build fails instead of warning).
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [...API_PATHS_NOT_FOR_THE_SHELL],
    runtimeCaching: [],
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    sourcemap: false,
  },
});

export default defineConfig({
  root: here,
  plugins: [react(), serviceWorker],
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
