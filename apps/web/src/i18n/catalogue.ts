import { DEFAULT_LOCALE, type Locale } from '@i18n-shared/locales';

export type Messages = Readonly<Record<string, string>>;

/**
 * The areas the console reads: its own texts, the vocabularies' labels, the fact types' names (shared with the
 * dossier) and the fields a list's columns are imported as (shared with the import's reader). Each file is a separate
 * chunk, so the initial bundle carries none and only the chosen language is fetched.
 */
const files = import.meta.glob<Messages>('@messages/*/{console,vocabulary,dossier,roles,imports,offline}.json', {
  import: 'default',
});

function filesOf(locale: Locale): Array<() => Promise<Messages>> {
  return Object.entries(files)
    .filter(([path]) => path.includes(`/messages/${locale}/`))
    .map(([, load]) => load);
}

const loaded = new Map<Locale, Promise<Messages>>();

/** One language's messages, fetched once. A language with no files (a typo) falls back to English. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let promise = loaded.get(locale);
  if (promise === undefined) {
    const loaders = filesOf(locale);
    if (loaders.length === 0 && locale !== DEFAULT_LOCALE) return loadMessages(DEFAULT_LOCALE);
    promise = Promise.all(loaders.map((load) => load())).then((parts) => Object.assign({}, ...parts) as Messages);
    loaded.set(locale, promise);
  }
  return promise;
}
