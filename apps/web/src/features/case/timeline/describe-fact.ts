import type { TimelineEvent } from '../../../api/types';
import { type FactData, flag, numberOf, objectOf, objects, text, texts } from './fact-data';
import {
  articleOf,
  chargeRef,
  complaintRef,
  facilityField,
  type FactLine,
  hearingRef,
  personName,
  typed,
  typeName,
  vocab,
  vocabList,
  type Words,
  yesNo,
} from './words';

/**
 * The details of one fact in words, from what the timeline answered and nothing more: a value the API withheld or
 * erased shows its marker, an absent one is left out (unknown is not a value). Labels come from the dossier's and the
 * console's catalogues, vocabulary values from their labels. An unknown type has no details (its name is shown).
 */
export function describeFact(event: TimelineEvent, words: Words): FactLine[] {
  const data: FactData = event.data;
  const lines = new Lines(words, data);
  switch (event.type) {
    case 'CaseOpened': {
      const detainee = objectOf(data, 'detainee') ?? {};
      const person = new Lines(words, detainee, lines.out);
      person.typed('dossier.field.fullName', 'fullName');
      person.list('dossier.field.otherSpellings', texts(detainee, 'nameVariants'));
      const birthDate = text(detainee, 'birthDate');
      if (birthDate !== undefined) lines.add('dossier.field.born', words.times.day(birthDate));
      person.vocab('dossier.field.sex', 'sex', 'sex');
      person.typed('dossier.field.city', 'city');
      person.vocabs('dossier.field.vulnerabilities', 'vulnerabilities', 'vulnerability');
      const source = objectOf(data, 'source') ?? {};
      const kind = text(source, 'kind');
      if (kind !== undefined) lines.add('dossier.field.source', vocab(words, 'sourceKind', kind));
      new Lines(words, source, lines.out).typed('dossier.field.reference', 'reference');
      break;
    }
    case 'IdentityCorrected': {
      lines.typed('dossier.field.fullName', 'fullName');
      const birthDate = text(data, 'birthDate');
      if (birthDate !== undefined) lines.add('dossier.field.born', words.times.day(birthDate));
      const birthYear = numberOf(data, 'birthYear');
      if (birthYear !== undefined) lines.add('dossier.field.birthYear', String(birthYear));
      lines.vocab('dossier.field.sex', 'sex', 'sex');
      lines.typed('dossier.field.city', 'city');
      lines.typed('dossier.field.occupation', 'occupation');
      lines.vocabs('dossier.field.publicRoles', 'publicRoles', 'publicRole');
      lines.vocabs('dossier.field.vulnerabilities', 'vulnerabilities', 'vulnerability');
      break;
    }
    case 'NameVariantsAdded':
      lines.list('dossier.field.otherSpellings', texts(data, 'variants'));
      break;
    case 'LawyerAssigned':
    case 'LawyerUnassigned': {
      const lawyerId = text(data, 'lawyerId');
      if (lawyerId !== undefined) lines.add('console.fact.lawyer', personName(words, lawyerId));
      lines.vocab('console.fact.lawyerRole', 'role', 'lawyerRole');
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    }
    case 'DetentionRecorded':
      lines.vocab('console.fact.authority', 'authority', 'authority');
      lines.typed('dossier.field.city', 'city');
      lines.typed('dossier.field.place', 'place');
      lines.typed('dossier.field.circumstances', 'circumstances', true);
      lines.typed('dossier.field.injuries', 'injuries', true);
      break;
    case 'WhereaboutsUnknownReported':
      lines.typed('dossier.field.reportedBy', 'reportedBy');
      break;
    case 'DetaineeTransferred':
      lines.add('dossier.field.facility', facilityField(words, data));
      break;
    case 'ChargeBrought':
      lines.vocab('console.fact.chargeCode', 'code', 'chargeCode');
      lines.add('console.fact.article', articleOf(words, data));
      lines.typed('dossier.field.title', 'title');
      break;
    case 'ChargeRequalified':
      lines.add('console.fact.charge', chargeRef(words, text(data, 'chargeId')));
      lines.add('console.fact.newArticle', articleOf(words, data));
      lines.typed('dossier.field.title', 'title');
      break;
    case 'ChargeDropped':
      lines.add('console.fact.charge', chargeRef(words, text(data, 'chargeId')));
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    case 'AdministrativeSanctionImposed': {
      lines.vocab('console.fact.sanction', 'kind', 'sanctionKind');
      const days = numberOf(data, 'days');
      if (days !== undefined) lines.add('dossier.field.days', String(days));
      const amount = numberOf(data, 'amount');
      if (amount !== undefined) {
        lines.add(
          'dossier.field.amount',
          words.t('console.fact.amount', { amount, currency: text(data, 'currency') ?? '' }),
        );
      }
      break;
    }
    case 'HearingScheduled': {
      lines.vocab('console.fact.hearingKind', 'kind', 'hearingKind');
      lines.plain('console.fact.court', 'court');
      lines.typed('dossier.field.judge', 'judge');
      const at = text(data, 'scheduledAt');
      if (at !== undefined)
        lines.add('console.fact.scheduledAt', words.times.scheduled(at, text(data, 'scheduledAtPrecision')));
      lines.typed('dossier.field.location', 'location');
      break;
    }
    case 'HearingRescheduled': {
      lines.add('console.fact.hearing', hearingRef(words, text(data, 'hearingId')));
      const at = text(data, 'scheduledAt');
      if (at !== undefined)
        lines.add('console.fact.movedTo', words.times.scheduled(at, text(data, 'scheduledAtPrecision')));
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    }
    case 'HearingCancelled':
      lines.add('console.fact.hearing', hearingRef(words, text(data, 'hearingId')));
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    case 'HearingHeld': {
      lines.add('console.fact.hearing', hearingRef(words, text(data, 'hearingId')));
      // A decision recorded on the court day names its outcome by the decision's word: shown in the reader's language.
      const outcome = text(data, 'outcome');
      if (outcome !== undefined && words.has(`vocabulary.hearingDecision.${outcome}`)) {
        lines.add('console.fact.outcome', vocab(words, 'hearingDecision', outcome));
      } else {
        lines.typed('console.fact.outcome', 'outcome', true);
      }
      const minutes = numberOf(data, 'durationMinutes');
      if (minutes !== undefined) lines.add('dossier.field.duration', words.t('dossier.value.minutes', { minutes }));
      lines.add('console.fact.defendantHeard', yesNo(words, flag(data, 'defendantHeard')));
      lines.add('console.fact.lawyerPresent', yesNo(words, flag(data, 'lawyerPresent')));
      lines.typed('dossier.field.notes', 'notes', true);
      break;
    }
    case 'PreventiveMeasureImposed':
    case 'PreventiveMeasureExtended':
      lines.vocab('dossier.field.measure', 'measure', 'measure');
      lines.date('dossier.field.until', 'until');
      break;
    case 'ReleasedToHouseArrest':
      lines.date('dossier.field.until', 'until');
      lines.typed('dossier.field.address', 'address');
      lines.typed('dossier.field.conditions', 'conditions', true);
      break;
    case 'Released':
      lines.vocab('console.fact.grounds', 'grounds', 'releaseGrounds');
      lines.typed('dossier.field.note', 'note', true);
      break;
    case 'AccessDenied':
      lines.vocab('console.fact.deniedTo', 'who', 'accessDeniedTo');
      lines.typed('dossier.field.by', 'by');
      lines.typed('dossier.field.details', 'details', true);
      break;
    case 'AccessGranted':
      lines.vocab('console.fact.grantedTo', 'who', 'accessDeniedTo');
      break;
    case 'TortureAllegationRecorded': {
      const from = text(data, 'periodFrom');
      const to = text(data, 'periodTo');
      if (from !== undefined) {
        lines.add(
          'dossier.field.period',
          to === undefined
            ? words.t('dossier.value.periodFrom', { from: words.times.date(from) })
            : words.t('dossier.value.period', { from: words.times.date(from), to: words.times.date(to) }),
        );
      }
      const methods = texts(data, 'methods') ?? [];
      lines.add(
        'console.fact.methods',
        methods.length === 0 ? words.t('console.fact.notDescribed') : vocabList(words, 'tortureMethod', methods),
      );
      lines.typed('dossier.field.facility', 'facility');
      lines.typed('dossier.field.perpetrators', 'perpetrators', true);
      lines.typed('dossier.field.injuries', 'injuries', true);
      lines.typed('dossier.field.witnesses', 'witnesses', true);
      const evidence = objects(data, 'evidence').map((item) =>
        words.t('console.fact.evidenceItem', {
          kind: typed(words, text(item, 'kind') ?? ''),
          reference: typed(words, text(item, 'reference') ?? ''),
        }),
      );
      if (evidence.length > 0) lines.add('dossier.field.evidence', evidence.join('; '), true);
      lines.vocab('dossier.field.consent', 'consent', 'consent');
      lines.typed('dossier.field.account', 'account', true);
      break;
    }
    case 'ComplaintFiled':
      lines.vocab('console.fact.filedWith', 'filedWith', 'complaintBody');
      lines.typed('dossier.field.reference', 'reference');
      lines.date('dossier.field.answerDue', 'responseDueAt');
      break;
    case 'ComplaintAnswered':
      lines.add('console.fact.complaint', complaintRef(words, text(data, 'complaintId')));
      lines.vocab('console.fact.answer', 'outcome', 'complaintOutcome');
      lines.typed('dossier.field.reference', 'reference');
      lines.typed('dossier.field.note', 'note', true);
      break;
    case 'ComplainantPressured':
      lines.add('console.fact.complaint', complaintRef(words, text(data, 'complaintId')));
      lines.typed('dossier.field.by', 'by');
      lines.typed('dossier.field.details', 'details', true);
      break;
    case 'PressureReported':
      lines.vocab('console.fact.pressureKind', 'kind', 'pressureKind');
      lines.typed('dossier.field.by', 'by');
      lines.typed('dossier.field.details', 'details', true);
      break;
    case 'ComplaintWithdrawn':
      lines.add('console.fact.complaint', complaintRef(words, text(data, 'complaintId')));
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    case 'MedicalFactRecorded':
      lines.vocab('console.fact.medicalKind', 'kind', 'medicalKind');
      lines.typed('dossier.field.details', 'details', true);
      break;
    case 'VerdictDelivered': {
      lines.vocab('console.fact.verdict', 'outcome', 'verdictOutcome');
      const sentence = objectOf(data, 'sentence');
      const kind = sentence === undefined ? undefined : text(sentence, 'kind');
      if (sentence !== undefined && kind !== undefined) {
        const months = numberOf(sentence, 'months');
        const label = vocab(words, 'sentenceKind', kind);
        lines.add(
          'dossier.field.sentence',
          months === undefined ? label : words.t('dossier.value.sentenceMonths', { kind: label, months }),
        );
      }
      break;
    }
    case 'DeathRecorded':
      lines.vocab('dossier.field.circumstances', 'circumstances', 'deathCircumstances');
      lines.vocabs('dossier.field.causes', 'causes', 'deathCause');
      if (flag(data, 'bodyReleased') !== undefined) {
        lines.add('dossier.field.bodyReleased', yesNo(words, flag(data, 'bodyReleased')));
      }
      lines.typed('dossier.field.details', 'details', true);
      break;
    case 'NoteAdded':
      lines.typed('console.fact.note', 'text', true);
      break;
    case 'FactRetracted': {
      const id = text(data, 'eventId');
      const target = words.events.find((other) => other.eventId === id);
      lines.add(
        'console.fact.retractedFact',
        target === undefined
          ? words.t('dossier.value.unknown')
          : words.t('console.fact.factRef', {
              type: typeName(words, target.type),
              when: words.times.factWithRecorded(target),
            }),
      );
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    }
    case 'CaseLinked':
      lines.caseLink('console.fact.linkedCase', 'caseId');
      lines.vocab('console.fact.relation', 'relation', 'linkRelation');
      lines.typed('dossier.field.note', 'note', true);
      break;
    case 'MergeRequested':
      lines.caseLink('console.fact.mergedInto', 'intoCaseId');
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    case 'DuplicateMerged':
      lines.caseLink('console.fact.duplicate', 'duplicateCaseId');
      lines.list('dossier.field.otherSpellings', texts(data, 'nameVariants'));
      break;
    case 'CaseClosed':
    case 'CaseReopened':
    case 'CaseErased':
      lines.typed('dossier.field.reason', 'reason', true);
      break;
    default:
      // A type newer than this console: its name is shown, its data is not guessed at.
      break;
  }
  return lines.out;
}

/** Collects a fact's lines; each method adds one only when the data has the field. */
class Lines {
  constructor(
    private readonly words: Words,
    private readonly data: FactData,
    readonly out: FactLine[] = [],
  ) {}

  add(label: string, value: string, long = false, href?: string): void {
    this.out.push({ label: this.words.t(label), value, long, ...(href === undefined ? {} : { href }) });
  }

  /** Typed text: the API's markers ([erased], [withheld]) in the reader's language. */
  typed(label: string, key: string, long = false): void {
    const value = text(this.data, key);
    if (value !== undefined) this.add(label, typed(this.words, value), long);
  }

  /** A name that is never typed text (a court). */
  plain(label: string, key: string): void {
    const value = text(this.data, key);
    if (value !== undefined) this.add(label, value);
  }

  vocab(label: string, key: string, area: string): void {
    const value = text(this.data, key);
    if (value !== undefined) this.add(label, vocab(this.words, area, value));
  }

  vocabs(label: string, key: string, area: string): void {
    const values = texts(this.data, key);
    if (values !== undefined && values.length > 0) this.add(label, vocabList(this.words, area, values));
  }

  list(label: string, values: readonly string[] | undefined): void {
    if (values !== undefined && values.length > 0) {
      this.add(label, values.map((value) => typed(this.words, value)).join(', '));
    }
  }

  date(label: string, key: string): void {
    const value = text(this.data, key);
    if (value !== undefined) this.add(label, this.words.times.date(value));
  }

  caseLink(label: string, key: string): void {
    const caseId = text(this.data, key);
    if (caseId !== undefined) this.add(label, this.words.t('console.fact.openCase'), false, `/cases/${caseId}`);
  }
}
