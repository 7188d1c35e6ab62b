import type { FetchJson, OfflineVault, RefreshReport } from './index';

export function refreshOfflineSet(
  fetchJson: FetchJson,
  vault: OfflineVault,
  ownUserId: string | null,
): Promise<RefreshReport> {
  void fetchJson;
  void vault;
  void ownUserId;
  return Promise.reject(new Error('not yet'));
}
