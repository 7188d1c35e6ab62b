import { describe, expect, it } from 'vitest';
import { MIN_PASSPHRASE, passphraseStrength } from './passphrase';

describe('the passphrase hint', () => {
  it('refuses fewer than 12 characters and rates length first, then the kinds of characters mixed', () => {
    expect(MIN_PASSPHRASE).toBe(12);
    expect(passphraseStrength('short')).toBe('short');
    expect(passphraseStrength('abcdefghijk')).toBe('short');
    expect(passphraseStrength('abcdefghijkl')).toBe('weak');
    expect(passphraseStrength('Abcdefghijk1')).toBe('fair');
    expect(passphraseStrength('Ұзақ сөйлем 2026!')).toBe('strong');
    expect(passphraseStrength('seven long words make a passphrase')).toBe('strong');
  });
});
