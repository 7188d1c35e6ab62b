export type OfflineErrorCode = 'locked' | 'exists' | 'absent' | 'invalid' | 'not-found' | 'not-held' | 'sending';

/** What the module throws for a misuse or a state that forbids the call; `code` tells which (no user-facing text). */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
  constructor(readonly code: OfflineErrorCode) {
    super(`offline: ${code}`);
  }
}
