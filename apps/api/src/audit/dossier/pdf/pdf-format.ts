import { type DossierRecord, ERASED_TEXT, WITHHELD_TEXT } from '@casetrack/domain';
import {
  formatCalendarPeriod,
  formatDate,
  formatDateTime,
  formatFactTime,
  hasMessage,
  type Locale,
  message,
  type MessageValues,
} from '@casetrack/i18n';

/** Someone the dossier names: an account's name and role; `name` null when the account is gone or unknown. */
export interface DossierPerson {
  id: string;
  name: string | null;
  role: string;
}

/** Who reads the dossier and how: the language, the time zone every instant is printed in, the people it names. */
export interface DossierReading {
  locale: Locale;
  timeZone: string;
  people: ReadonlyMap<string, DossierPerson>;
}

/** When a fact happened, as the dossier states it for a record or a retracted fact. */
type TimeOfFact = Pick<DossierRecord, 'occurredAt' | 'occurredAtPrecision' | 'occurredOn'>;

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/**
 * Every word of the PDF comes from the `dossier` and `vocabulary` catalogues in the reader's language, and every
 * time is printed in the reader's zone with no more precision than it has.
 */
export class DossierText {
  constructor(readonly reading: DossierReading) {}

  get locale(): Locale {
    return this.reading.locale;
  }

  t(key: string, values?: MessageValues): string {
    return message(this.reading.locale, `dossier.${key}`, values);
  }

  /** The label of a vocabulary value (`measure`, `house_arrest`); a value the catalogue lacks prints as it is stored. */
  term(vocabulary: string, value: string): string {
    const key = `vocabulary.${vocabulary}.${value}`;
    return hasMessage(key) ? message(this.reading.locale, key) : value.replace(/_/g, ' ');
  }

  terms(vocabulary: string, values: readonly string[]): string {
    return values.map((value) => this.term(vocabulary, value)).join(', ');
  }

  /** When it happened, as precisely as it is known: never an hour that is not known, never a day moved by a zone. */
  happened(record: TimeOfFact): string {
    return formatFactTime(this.reading.locale, record, this.reading.timeZone);
  }

  /** An instant (recorded at, a hearing's time) with its hour, in the reader's zone. */
  dateTime(instant: string): string {
    return formatDateTime(this.reading.locale, instant, this.reading.timeZone);
  }

  /**
   * A hearing's time: with its hour in the reader's zone, or, known to the day only (stored as the day's midnight in
   * the recorder's zone), its date alone, never that midnight.
   */
  scheduled(instant: string, precision: string | undefined): string {
    return formatFactTime(
      this.reading.locale,
      { occurredAt: instant, occurredAtPrecision: precision === 'day' ? 'day' : 'exact' },
      this.reading.timeZone,
    );
  }

  /** A date someone chose (a measure's end, an answer's deadline), on the calendar of the reader's zone. */
  date(instant: string): string {
    return formatDate(this.reading.locale, instant, this.reading.timeZone);
  }

  /** A date as someone typed it (`YYYY-MM-DD`, a birth date): no zone moves it. */
  calendar(period: string): string {
    return formatCalendarPeriod(this.reading.locale, period);
  }

  /** A person by account name and role; an account that is gone prints its role and a short id, and says so. */
  person(id: string, role?: string): string {
    const known = this.reading.people.get(id);
    const roleLabel = this.term('role', role ?? known?.role ?? 'lawyer');
    if (id === 'system' || role === 'system') return this.term('role', 'system');
    if (known?.name) return this.t('person.named', { name: known.name, role: roleLabel });
    return this.t('person.unknown', { role: roleLabel, id: shortId(id) });
  }

  /** A stored value as printed; the marks of withheld and erased text are said in the reader's language. */
  value(value: string | number): string {
    if (value === WITHHELD_TEXT) return this.t('value.withheld');
    return value === ERASED_TEXT ? this.t('value.erased') : String(value);
  }

  yesNo(value: boolean | undefined): string {
    return this.t(value === undefined ? 'value.notRecorded' : value ? 'value.yes' : 'value.no');
  }

  /** `name: value` lines for the fields that are present, in the order given; names are catalogue keys. */
  fields(pairs: ReadonlyArray<readonly [string, string | number | undefined | null]>): string[] {
    return pairs.flatMap(([name, value]) =>
      value === undefined || value === null || value === ''
        ? []
        : [this.t('field.line', { name: this.t(`field.${name}`), value: this.value(value) })],
    );
  }

  /** The provenance line under every fact: both times, who recorded it, which event of the stream it is. */
  provenance(record: DossierRecord): string {
    return this.t('record.provenance', {
      happened: this.happened(record),
      recorded: this.dateTime(record.recordedAt),
      by: this.person(record.recordedBy.id, record.recordedBy.role),
      version: record.version,
      eventId: shortId(record.eventId),
    });
  }
}
