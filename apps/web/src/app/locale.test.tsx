import { describe, expect, it, vi } from 'vitest';
import { chosenLocale, rememberLocale } from './locale';

describe('the console’s language', () => {
  it('is the account’s until the person picks another, and the pick is theirs alone', () => {
    expect(chosenLocale('user-a', 'kk')).toBe('kk');
    rememberLocale('user-a', 'ru');
    expect(chosenLocale('user-a', 'kk')).toBe('ru');
    expect(chosenLocale('user-b', 'kk')).toBe('kk');
  });

  it('before sign-in follows the browser’s languages, English when it speaks none of them', () => {
    const languages = vi.spyOn(navigator, 'languages', 'get');
    languages.mockReturnValue(['ru-KZ', 'en-GB']);
    expect(chosenLocale(undefined, undefined)).toBe('ru');
    languages.mockReturnValue(['de-DE']);
    expect(chosenLocale(undefined, undefined)).toBe('en');
    languages.mockRestore();
  });
});
