const KEY = 'casetrack.offline.account';

/**
 * The account whose vault is on this device, for opening the console without a connection (no session to ask):
 * core's unlock checks the passphrase against the vault and the vault's sealed account against this id. It is the
 * account's random id only – no name, no e-mail – and it goes with a wipe. (A vault.unlock that accepts "the vault's
 * own account" would make this unnecessary: see the issue 18 report.)
 */
export function rememberDeviceAccount(accountId: string): void {
  try {
    localStorage.setItem(KEY, accountId);
  } catch {
    // Storage refused (a private window): offline start will ask to sign in instead.
  }
}

export function deviceAccount(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetDeviceAccount(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
