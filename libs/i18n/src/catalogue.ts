import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from './locales';

/** One locale's messages: flat keys prefixed by their area (`dossier.title`), ICU MessageFormat strings. */
export type Catalogue = Readonly<Record<string, string>>;

/**
 * Where the JSON catalogues are: beside `src/` in the source tree, and beside the compiled `src/` in `dist/`
 * (nest-cli.json copies them there as assets). Read at run time rather than imported, so that a helper adds an
 * area by adding a file, and the console can read the same files.
 */
export function messagesDirectory(): string {
  const candidates = [join(__dirname, '..', 'messages'), join(process.cwd(), 'libs', 'i18n', 'messages')];
  const found = candidates.find((dir) => existsSync(join(dir, 'en')));
  if (found === undefined) throw new Error(`i18n: no message catalogues in ${candidates.join(' or ')}`);
  return found;
}

/** Reads every `<area>.json` of one locale; a key outside its file's area or a non-string value is refused. */
export function readCatalogue(locale: Locale, directory: string = messagesDirectory()): Catalogue {
  const dir = join(directory, locale);
  const messages: Record<string, string> = {};
  if (!existsSync(dir)) return messages;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const area = file.slice(0, -'.json'.length);
    const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(`i18n: ${locale}/${file} is not an object of messages`);
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (!key.startsWith(`${area}.`)) throw new Error(`i18n: ${locale}/${file}: key ${key} is outside area ${area}`);
      if (typeof value !== 'string') throw new Error(`i18n: ${locale}/${file}: ${key} is not a string`);
      messages[key] = value;
    }
  }
  return messages;
}

let loaded: ReadonlyMap<Locale, Catalogue> | undefined;

/** Every locale's catalogue, read once per process. */
export function catalogues(): ReadonlyMap<Locale, Catalogue> {
  if (loaded === undefined) {
    const directory = messagesDirectory();
    loaded = new Map(LOCALES.map((locale) => [locale, readCatalogue(locale, directory)] as const));
  }
  return loaded;
}
