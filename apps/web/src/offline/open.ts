import type { OfflineHandles, OpenOfflineOptions } from './index';

export function openOffline(options: OpenOfflineOptions = {}): OfflineHandles {
  void options;
  throw new Error('not yet');
}
