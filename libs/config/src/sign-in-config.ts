import { isIP } from 'node:net';
import { ACTOR_ROLES, type ActorRole } from '@casetrack/domain';

/** How people sign in: who must use a second factor, and the account-wide bound of the sign-in throttle. */
export interface SignInConfig {
  /** Roles that may use nothing but second-factor enrolment until they have one (REQUIRE_2FA). */
  requireSecondFactor: ActorRole[];
  /** Failed sign-ins per account within an hour, from all addresses, past which only known addresses may try. */
  accountFailuresPerHour: number;
}

/**
 * Express's `trust proxy`: which proxies' X-Forwarded-For to believe when working out a client's address (the
 * sign-in throttle and the general rate limit count by it). false: none, the socket's peer is the client. A number:
 * that many proxy hops. A list: proxies by address, CIDR, or Express's `loopback`, `linklocal`, `uniquelocal`.
 */
export type TrustProxy = false | number | string[];

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

export function readRequireSecondFactor(raw: string | undefined, problems: string[]): ActorRole[] {
  const roles: ActorRole[] = [];
  for (const entry of (raw ?? '').split(',')) {
    const role = entry.trim();
    if (role === '') continue;
    if (!(ACTOR_ROLES as readonly string[]).includes(role)) {
      problems.push(`REQUIRE_2FA must list some of ${ACTOR_ROLES.join(', ')} (got "${role}")`);
    } else if (!roles.includes(role as ActorRole)) {
      roles.push(role as ActorRole);
    }
  }
  return roles;
}

export function readTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    // Trusting every hop lets any client write its own address into X-Forwarded-For and escape the throttle.
    problems.push('TRUST_PROXY=true would believe any client; name the proxies (e.g. loopback,10.0.0.0/8) or the hops');
    return false;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) problems.push(`TRUST_PROXY hop count must be at most 10 (got "${value}")`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!PROXY_PRESETS.includes(entry) && !isAddressOrRange(entry)) {
      problems.push(
        `TRUST_PROXY must be false, a hop count, or addresses/CIDR ranges/${PROXY_PRESETS.join('/')} (got "${entry}")`,
      );
    }
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
