import { hasMessage, type Locale, message } from '@casetrack/i18n';

/**
 * Messages without placeholders in one locale, each formatted once: an export prints the same few labels on each of
 * a hundred thousand rows.
 */
export class Labels {
  private readonly byKey = new Map<string, string>();
  private readonly byArea = new Map<string, Map<string, string>>();

  constructor(readonly locale: Locale) {}

  of(key: string): string {
    let text = this.byKey.get(key);
    if (text === undefined) {
      text = message(this.locale, key);
      this.byKey.set(key, text);
    }
    return text;
  }

  /** The label of a vocabulary value (`vocabulary.<area>.<value>`). */
  vocabulary(area: string, value: string): string {
    let labels = this.byArea.get(area);
    if (labels === undefined) {
      labels = new Map();
      this.byArea.set(area, labels);
    }
    let text = labels.get(value);
    if (text === undefined) {
      text = message(this.locale, `vocabulary.${area}.${value}`);
      labels.set(value, text);
    }
    return text;
  }

  /** The label of `key` when the catalogues have it, else `fallback` (a breakdown or value added since). */
  orElse(key: string, fallback: string): string {
    return hasMessage(key) ? this.of(key) : fallback;
  }
}
