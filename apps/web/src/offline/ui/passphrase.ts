/** The shortest passphrase the console accepts: the vault's key is only as strong as it. */
export const MIN_PASSPHRASE = 12;

export type Strength = 'short' | 'weak' | 'fair' | 'strong';

/**
 * A rough hint, not a measure: length counts most (a sentence of ordinary words is a good passphrase), then how many
 * kinds of characters it mixes. Never sent or stored anywhere.
 */
export function passphraseStrength(passphrase: string): Strength {
  if (passphrase.length < MIN_PASSPHRASE) return 'short';
  const kinds = [/[a-zа-яёәғқңөұүһі]/u, /[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]/u, /\d/, /[^\p{L}\d]/u].filter((re) =>
    re.test(passphrase),
  ).length;
  if (passphrase.length >= 20 || (passphrase.length >= 16 && kinds >= 3)) return 'strong';
  if (kinds >= 2 || passphrase.length >= 16) return 'fair';
  return 'weak';
}
