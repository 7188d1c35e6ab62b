import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API answers itself: the console's fallback never shadows them, and they keep their JSON 404s. */
const API_PREFIXES = ['/v1', '/health', '/metrics', '/admin', '/openapi.json'];

export function isApiPath(path: string): boolean {
  // `/docs` also covers `/docs-json`, which the OpenAPI UI serves beside it.
  if (path.startsWith('/docs')) return true;
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** Hashed by Vite: a file's name changes with its content, so it may be kept for ever. */
export function isHashedAsset(path: string): boolean {
  return path.startsWith('/assets/');
}

/**
 * A file of the build (/sw.js, /workbox-<hash>.js, /manifest.webmanifest, /icons/icon-192.png): its last segment has
 * an extension. Never answered with index.html when missing – a browser registering a service worker or reading the
 * manifest must get a 404, not a page it would take for the script (the console's own pages have no dot).
 */
export function isBuildFile(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return /\.[A-Za-z0-9]+$/.test(last);
}

/**
 * The built console (index.html and assets/): CONSOLE_DIR, else dist/web beside the compiled app (dist/apps/api/src/
 * console -> dist/web), in the repository when run from the sources (tests, start:dev), or under the working
 * directory. Null while none holds an index.html: the API runs without the console.
 */
export function findConsoleDirectory(configured: string | null): string | null {
  const candidates =
    configured !== null
      ? [configured]
      : [
          join(__dirname, '..', '..', '..', '..', 'web'),
          join(__dirname, '..', '..', '..', '..', 'dist', 'web'),
          join(process.cwd(), 'dist', 'web'),
        ];
  return candidates.find((directory) => existsSync(join(directory, 'index.html'))) ?? null;
}
