import type { TimelineEvent } from '../../../api/types';
import type { Times } from '../../../i18n/times';
import type { Values } from '../../../i18n/translator';
import { type FactData, objectOf, text } from './fact-data';

/** One detail of a fact: a label and its value in words; `long` free text clamps, `href` opens another case. */
export interface FactLine {
  readonly label: string;
  readonly value: string;
  readonly long?: boolean;
  readonly href?: string;
}

/** What turning a fact into words needs: the catalogue, times in the reader's zone, names, the other facts. */
export interface Words {
  t(key: string, values?: Values): string;
  has(key: string): boolean;
  readonly times: Times;
  readonly people: ReadonlyMap<string, string>;
  readonly events: readonly TimelineEvent[];
}

/** The markers the API puts in place of typed text it no longer holds (erasure) or may not show (consent). */
const MARKERS: Readonly<Record<string, string>> = {
  '[erased]': 'dossier.value.erased',
  '[withheld]': 'dossier.value.withheld',
};

/** Typed text as the API gave it, its markers in the reader's language. */
export function typed(words: Words, value: string): string {
  const marker = MARKERS[value];
  return marker === undefined ? value : words.t(marker);
}

/** A vocabulary value's label; a value the catalogue does not know shows as sent, never as a raw key. */
export function vocab(words: Words, area: string, value: string): string {
  const key = `vocabulary.${area}.${value}`;
  return words.has(key) ? words.t(key) : value;
}

export function vocabList(words: Words, area: string, values: readonly string[]): string {
  return values.map((value) => vocab(words, area, value)).join(', ');
}

/** A fact type's name, or the type itself for one this console does not know yet. */
export function typeName(words: Words, type: string): string {
  const key = `dossier.eventType.${type}`;
  return words.has(key) ? words.t(key) : type;
}

export function yesNo(words: Words, value: boolean | undefined): string {
  return words.t(value === undefined ? 'dossier.value.notRecorded' : value ? 'dossier.value.yes' : 'dossier.value.no');
}

export function personName(words: Words, id: string): string {
  return words.people.get(id) ?? words.t('console.case.someone');
}

/** "art. 174 part 2" from a charge's or requalification's data; unknown when no article was given. */
export function articleOf(words: Words, data: FactData): string {
  const article = text(data, 'article');
  const part = text(data, 'part');
  if (article === undefined) return words.t('dossier.value.unknown');
  return part === undefined
    ? words.t('dossier.value.article', { article })
    : words.t('dossier.value.articlePart', { article, part });
}

/** A facility by name and code, kind and city (names and codes of facilities are not typed text: never erased). */
export function facilityOf(words: Words, facility: FactData): string {
  const name = text(facility, 'name');
  const code = text(facility, 'code');
  const kind = text(facility, 'kind');
  const called =
    name !== undefined && code !== undefined
      ? words.t('console.fact.facilityCoded', { name, code })
      : (name ?? code ?? words.t('dossier.value.unknown'));
  return words.t('console.fact.facility', {
    name: called,
    kind: kind === undefined ? words.t('dossier.value.unknown') : vocab(words, 'facilityKind', kind),
    city: text(facility, 'city') ?? words.t('dossier.value.unknown'),
  });
}

/** The earlier fact of this case whose data has `key` = `id` (the charge, hearing or complaint a fact is about). */
export function earlier(words: Words, type: string, key: string, id: string): TimelineEvent | undefined {
  return words.events.find((event) => event.type === type && event.data[key] === id);
}

/** Which charge a fact is about, as it was brought ("criminal, art. 174"); unknown when its bringing is not here. */
export function chargeRef(words: Words, chargeId: string | undefined): string {
  const brought = chargeId === undefined ? undefined : earlier(words, 'ChargeBrought', 'chargeId', chargeId);
  if (brought === undefined) return words.t('dossier.value.unknown');
  const code = text(brought.data, 'code');
  return words.t('console.fact.chargeRef', {
    code: code === undefined ? words.t('dossier.value.unknown') : vocab(words, 'chargeCode', code),
    article: articleOf(words, brought.data),
  });
}

/** Which hearing ("choice of a preventive measure, Almaly District Court"). */
export function hearingRef(words: Words, hearingId: string | undefined): string {
  const scheduled = hearingId === undefined ? undefined : earlier(words, 'HearingScheduled', 'hearingId', hearingId);
  if (scheduled === undefined) return words.t('dossier.value.unknown');
  const kind = text(scheduled.data, 'kind');
  return words.t('console.fact.hearingRef', {
    kind: kind === undefined ? words.t('dossier.value.unknown') : vocab(words, 'hearingKind', kind),
    court: text(scheduled.data, 'court') ?? words.t('dossier.value.unknown'),
  });
}

/** Which complaint (to whom, its reference). */
export function complaintRef(words: Words, complaintId: string | undefined): string {
  const filed = complaintId === undefined ? undefined : earlier(words, 'ComplaintFiled', 'complaintId', complaintId);
  if (filed === undefined) return words.t('dossier.value.unknown');
  const body = text(filed.data, 'filedWith');
  const reference = text(filed.data, 'reference');
  return words.t('console.fact.complaintRef', {
    body: body === undefined ? words.t('dossier.value.unknown') : vocab(words, 'complaintBody', body),
    numbered: reference === undefined ? 'no' : 'yes',
    reference: reference === undefined ? '' : typed(words, reference),
  });
}

export function facilityField(words: Words, data: FactData): string {
  const facility = objectOf(data, 'facility');
  return facility === undefined ? words.t('dossier.value.unknown') : facilityOf(words, facility);
}
