/**
 * Registers the service worker the build made (dist/web/sw.js, see vite.config.mts) so the console's shell opens
 * offline. Only in a production build: the dev server and tests have no sw.js. A failure is not fatal: the console
 * works online without it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}

/**
 * "Wipe this device": after the vault's database is deleted, the shell's caches go too and the worker is unregistered,
 * so nothing of casetrack is left in the browser's storage (the shell holds no case data, but a seized device should
 * not even say the console was used).
 */
export async function removeShellFromDevice(): Promise<void> {
  if ('caches' in globalThis) {
    for (const name of await caches.keys()) await caches.delete(name);
  }
  if ('serviceWorker' in navigator) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
  }
}
