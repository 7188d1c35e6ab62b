/**
 * When a sign-in may be tried again. Two rules, so that nobody can lock a lawyer out by typing wrong passwords:
 *
 * - Per account and client address: the first `freeFailures` failures cost nothing, then each further one doubles
 *   the wait before the next try from that address (30 s, 1 min, 2 min ... up to 15 min). A success there clears it.
 *   Failures from one address never slow down another.
 * - Per account, from everywhere: past `accountFailuresPerHour` failures within an hour (a distributed guessing
 *   attack), addresses that have never signed in to the account wait until the hour's count falls below the bound.
 *   Addresses that signed in successfully before are exempt: the lawyer at their usual desk still gets in.
 *
 * Unknown emails are counted exactly like accounts, so these answers never tell whether an account exists.
 */
export interface ThrottleSettings {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  accountFailuresPerHour: number;
}

export const DEFAULT_THROTTLE: Omit<ThrottleSettings, 'accountFailuresPerHour'> = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
};

/** The account-wide bound counts failures within this window. */
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
/** Failures older than this are forgotten (and deleted). */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;
/** An address stays known this long after its last successful sign-in. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60_000;

/** What the throttle knows of one (account, address) pair when a sign-in arrives. */
export interface ThrottleState {
  /** Failures for the account from this address since its last success there (within FAILURE_MEMORY_MS). */
  addressFailures: number;
  lastAddressFailureAt: Date | null;
  /** This address signed in to this account successfully within KNOWN_ADDRESS_MS. */
  knownAddress: boolean;
  /**
   * The account's `accountFailuresPerHour`-th most recent failure within the hour, from any address; null while
   * there are fewer. The bound lifts when it leaves the window.
   */
  accountBoundFailureAt: Date | null;
}

/** The wait imposed after `failures` consecutive failures from one address. */
export function delayAfterFailures(failures: number, settings: ThrottleSettings): number {
  if (failures < settings.freeFailures) return 0;
  return Math.min(settings.maxDelayMs, settings.firstDelayMs * 2 ** (failures - settings.freeFailures));
}

/** Whole seconds until a sign-in may be tried, 0 when it may be tried now. */
export function retryAfterSeconds(state: ThrottleState, now: Date, settings: ThrottleSettings): number {
  let until = 0;
  if (state.lastAddressFailureAt) {
    until = state.lastAddressFailureAt.getTime() + delayAfterFailures(state.addressFailures, settings);
  }
  if (!state.knownAddress && state.accountBoundFailureAt) {
    until = Math.max(until, state.accountBoundFailureAt.getTime() + ACCOUNT_WINDOW_MS);
  }
  const wait = until - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}
