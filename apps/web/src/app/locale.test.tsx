import { describe, expect, it } from 'vitest';
import { chosenLocale, rememberLocale } from './locale';

describe('the console’s language', () => {
  it('is the account’s until the person picks another, and the pick is theirs alone', () => {
    expect(chosenLocale('user-a', 'kk')).toBe('kk');
    rememberLocale('user-a', 'ru');
    expect(chosenLocale('user-a', 'kk')).toBe('ru');
    expect(chosenLocale('user-b', 'kk')).toBe('kk');
  });

  it('before sign-in follows the browser, English when the browser asks for a language casetrack does not speak', () => {
    expect(chosenLocale(undefined, undefined)).toBe(
      ['ru', 'kk'].includes(navigator.language.slice(0, 2)) ? navigator.language.slice(0, 2) : 'en',
    );
  });
});
