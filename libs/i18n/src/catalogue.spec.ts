import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import * as vocabularies from '@casetrack/domain';
import { catalogues, LOCALES, message, type Locale } from './index';

/** Every placeholder a message uses, with plural/select branches walked too. */
function placeholders(elements: readonly MessageFormatElement[], into: Set<string> = new Set()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if (element.type === TYPE.tag) placeholders(element.children, into);
  }
  return into;
}

const all = catalogues();
const english = all.get('en') ?? {};

describe('message catalogues', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const keys = Object.keys(all.get(locale) ?? {}).sort();
    expect(keys).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('every %s message parses and uses the English placeholders', (locale: Locale) => {
    const problems: string[] = [];
    for (const [key, source] of Object.entries(all.get(locale) ?? {})) {
      try {
        const mine = [...placeholders(parse(source))].sort();
        const reference = [...placeholders(parse(english[key] ?? ''))].sort();
        if (mine.join() !== reference.join()) problems.push(`${key}: ${mine.join()} vs en ${reference.join()}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Kazakh text is in Cyrillic with no Latin letters standing in for Kazakh ones', () => {
    const kazakh = all.get('kk') ?? {};
    // Latin look-alikes (ә as "ə", і as "i", ң as "n") are a typical slip of a Kazakh keyboard layout.
    const suspicious = Object.entries(kazakh).filter(([, text]) =>
      /[əı]|[а-яәғқңөұүһі][a-z]|[a-z][а-яәғқңөұүһі]/iu.test(text),
    );
    expect(suspicious).toEqual([]);
  });

  it('labels every value of the domain vocabularies', () => {
    const vocabulary: ReadonlyArray<readonly [string, readonly string[]]> = [
      ['sex', vocabularies.SEXES],
      ['vulnerability', vocabularies.VULNERABILITIES],
      ['publicRole', vocabularies.PUBLIC_ROLES],
      ['sourceKind', vocabularies.SOURCE_KINDS],
      ['lawyerRole', vocabularies.LAWYER_ROLES],
      ['authority', vocabularies.AUTHORITIES],
      ['facilityKind', vocabularies.FACILITY_KINDS],
      ['chargeCode', vocabularies.CHARGE_CODES],
      ['sanctionKind', vocabularies.SANCTION_KINDS],
      ['hearingKind', vocabularies.HEARING_KINDS],
      ['hearingDecision', vocabularies.HEARING_DECISIONS],
      ['measure', vocabularies.MEASURES],
      ['releaseGrounds', vocabularies.RELEASE_GROUNDS],
      ['accessDeniedTo', vocabularies.ACCESS_DENIED_TO],
      ['pressureKind', vocabularies.PRESSURE_KINDS],
      ['linkRelation', vocabularies.LINK_RELATIONS],
      ['tortureMethod', vocabularies.TORTURE_METHODS],
      ['consent', vocabularies.CONSENTS],
      ['complaintBody', vocabularies.COMPLAINT_BODIES],
      ['complaintOutcome', vocabularies.COMPLAINT_OUTCOMES],
      ['medicalKind', vocabularies.MEDICAL_KINDS],
      ['verdictOutcome', vocabularies.VERDICT_OUTCOMES],
      ['sentenceKind', vocabularies.SENTENCE_KINDS],
      ['deathCircumstances', vocabularies.DEATH_CIRCUMSTANCES],
      ['deathCause', vocabularies.DEATH_CAUSES],
      ['precision', vocabularies.OCCURRED_AT_PRECISIONS],
      ['caseStatus', vocabularies.CASE_STATUSES],
      ['role', [...vocabularies.ACTOR_ROLES, 'system']],
    ];
    const missing = vocabulary.flatMap(([name, values]) =>
      values.map((value) => `vocabulary.${name}.${value}`).filter((key) => english[key] === undefined),
    );
    expect(missing).toEqual([]);
  });

  it('falls back to English for a key a language lacks, and throws for a key English lacks', () => {
    expect(message('ru', 'vocabulary.measure.pretrial_detention')).toBe('содержание под стражей');
    expect(message('kk', 'vocabulary.measure.pretrial_detention')).toBe('күзетпен ұстау');
    expect(() => message('en', 'vocabulary.no.such.key')).toThrow('no message vocabulary.no.such.key');
  });
});
