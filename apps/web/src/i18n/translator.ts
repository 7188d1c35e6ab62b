import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '@i18n-shared/locales';
import { timeFormatting, type TimeFormatting } from '@i18n-shared/time-format';
import type { Messages } from './catalogue';

export type Values = Readonly<Record<string, string | number>>;

/** Formats the catalogue's ICU messages in one language, and the times with that language's words. */
export class Translator {
  private readonly compiled = new Map<string, IntlMessageFormat>();
  readonly times: TimeFormatting;

  constructor(
    readonly locale: Locale,
    private readonly messages: Messages,
  ) {
    this.times = timeFormatting((_, key, values) => this.t(key, values));
  }

  has(key: string): boolean {
    return this.messages[key] !== undefined;
  }

  /**
   * The message `key` formatted with `values`. A missing key shows the key itself (the catalogue spec keeps every
   * language's keys equal, so this is a programming slip, visible rather than blank).
   */
  t(key: string, values?: Values): string {
    const source = this.messages[key];
    if (source === undefined) return key;
    let format = this.compiled.get(key);
    if (format === undefined) {
      format = new IntlMessageFormat(source, this.locale);
      this.compiled.set(key, format);
    }
    const out = format.format<string>(values);
    return typeof out === 'string' ? out : String(out);
  }
}
