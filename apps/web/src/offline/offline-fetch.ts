import type { OfflineVault } from './index';

export function offlineFetch(
  inner: typeof fetch,
  vault: OfflineVault,
  isCacheable: (url: URL) => boolean,
): typeof fetch {
  void inner;
  void vault;
  void isCacheable;
  throw new Error('not yet');
}

export function isOfflineSetUrl(url: URL): boolean {
  void url;
  throw new Error('not yet');
}
