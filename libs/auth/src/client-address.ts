import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address the sign-in throttle counts by, from Express's `request.ip` (which follows X-Forwarded-For only as far
 * as TRUST_PROXY allows). An IPv4-mapped IPv6 address counts as its IPv4 address, and an IPv6 address by its /64:
 * one subscriber usually holds a whole /64, so counting single IPv6 addresses would give an attacker endless fresh
 * ones. Anything else (no address at all) counts as one "unknown" address.
 */
export function throttleAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(.+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  const address = ip.split('%')[0];
  if (isIPv6(address)) return `${groupsOf(address).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** The eight 16-bit groups of a valid IPv6 address, in canonical lowercase hexadecimal. */
function groupsOf(address: string): string[] {
  const parts = (text: string): string[] =>
    text === '' ? [] : text.split(':').flatMap((part) => (part.includes('.') ? ['0', '0'] : [part]));
  const [head, tail] = address.split('::');
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
