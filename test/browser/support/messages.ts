import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

export type Locale = 'en' | 'ru' | 'kk';

const MESSAGES = join(__dirname, '..', '..', '..', 'libs', 'i18n', 'messages');
const loaded = new Map<string, Record<string, string>>();

function catalogue(locale: Locale, area: string): Record<string, string> {
  const path = join(MESSAGES, locale, `${area}.json`);
  let messages = loaded.get(path);
  if (!messages) {
    messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    loaded.set(path, messages);
  }
  return messages;
}

/**
 * A message as the console shows it, from the same catalogues (`libs/i18n/messages/<locale>/<area>.json`): the tests
 * find fields and buttons by their catalogued names, so a text moved into code, or left untranslated, fails them.
 */
export function message(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const area = key.slice(0, key.indexOf('.'));
  const text = catalogue(locale, area)[key];
  if (text === undefined) throw new Error(`No message ${key} in the ${locale} ${area} catalogue`);
  return values ? String(new IntlMessageFormat(text, locale).format(values)) : text;
}

/** The English message: most steps are in English; the language tests pass the locale. */
export function en(key: string, values?: Record<string, string | number>): string {
  return message('en', key, values);
}
