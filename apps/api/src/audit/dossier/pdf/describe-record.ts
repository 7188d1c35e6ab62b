import { type AnyDossierRecord, assertNever, HEARING_DECISIONS, type IdentityFields } from '@casetrack/domain';
import type { DossierText } from './pdf-format';

export interface RecordText {
  title: string;
  lines: string[];
}

/** One fact in the reader's language (the JSON carries the same facts as data). */
export function describeRecord(record: AnyDossierRecord, text: DossierText): RecordText {
  const t = text.t.bind(text);
  const f = text.fields.bind(text);
  switch (record.type) {
    case 'CaseOpened':
      return { title: t('event.CaseOpened'), lines: f([['source', text.term('sourceKind', record.data.source.kind)]]) };
    case 'IdentityCorrected':
      return { title: t('event.IdentityCorrected'), lines: identityLines(record.data, text) };
    case 'NameVariantsAdded':
      return { title: t('event.NameVariantsAdded'), lines: [record.data.variants.join('; ')] };
    case 'LawyerAssigned':
      return {
        title: t('event.LawyerAssigned', {
          lawyer: text.person(record.data.lawyerId, 'lawyer'),
          role: text.term('lawyerRole', record.data.role),
        }),
        lines: [],
      };
    case 'LawyerUnassigned':
      return {
        title: t('event.LawyerUnassigned', { lawyer: text.person(record.data.lawyerId, 'lawyer') }),
        lines: f([['reason', record.data.reason]]),
      };
    case 'DetentionRecorded':
      return {
        title: record.data.city
          ? t('event.DetentionRecorded', {
              city: record.data.city,
              authority: text.term('authority', record.data.authority),
            })
          : t('event.DetentionRecordedNoCity', { authority: text.term('authority', record.data.authority) }),
        lines: f([
          ['place', record.data.place],
          ['circumstances', record.data.circumstances],
          ['injuries', record.data.injuries],
        ]),
      };
    case 'WhereaboutsUnknownReported':
      return { title: t('event.WhereaboutsUnknownReported'), lines: f([['reportedBy', record.data.reportedBy]]) };
    case 'DetaineeTransferred': {
      const { facility } = record.data;
      return {
        title: facility.name
          ? t('event.DetaineeTransferred', {
              facility: facility.code ? `${facility.name} (${facility.code})` : facility.name,
            })
          : t('event.DetaineeTransferredCode', { code: facility.code ?? '' }),
        lines: f([
          ['city', facility.city],
          ['facilityKind', text.term('facilityKind', facility.kind)],
        ]),
      };
    }
    case 'ChargeBrought':
      return {
        title: t('event.ChargeBrought', {
          code: text.term('chargeCode', record.data.code),
          article: article(record.data, text),
        }),
        lines: f([['title', record.data.title]]),
      };
    case 'ChargeRequalified':
      return {
        title: t('event.ChargeRequalified', { article: article(record.data, text) }),
        lines: f([['title', record.data.title]]),
      };
    case 'ChargeDropped':
      return { title: t('event.ChargeDropped'), lines: f([['reason', record.data.reason]]) };
    case 'AdministrativeSanctionImposed':
      return {
        title: t('event.AdministrativeSanctionImposed', { kind: text.term('sanctionKind', record.data.kind) }),
        lines: f([
          ['days', record.data.days],
          [
            'amount',
            record.data.amount === undefined ? undefined : `${record.data.amount} ${record.data.currency ?? ''}`.trim(),
          ],
        ]),
      };
    case 'HearingScheduled':
      return {
        title: t('event.HearingScheduled', {
          when: text.scheduled(record.data.scheduledAt, record.data.scheduledAtPrecision),
        }),
        lines: f([
          ['judge', record.data.judge],
          ['location', record.data.location],
        ]),
      };
    case 'HearingRescheduled':
      return {
        title: t('event.HearingRescheduled', {
          when: text.scheduled(record.data.scheduledAt, record.data.scheduledAtPrecision),
        }),
        lines: f([['reason', record.data.reason]]),
      };
    case 'HearingCancelled':
      return { title: t('event.HearingCancelled'), lines: f([['reason', record.data.reason]]) };
    case 'HearingHeld':
      return {
        // A decision recorded on the court day names the outcome by its word: printed in the reader's language.
        title: t('event.HearingHeld', {
          outcome: (HEARING_DECISIONS as readonly string[]).includes(record.data.outcome)
            ? text.term('hearingDecision', record.data.outcome)
            : record.data.outcome,
        }),
        lines: [
          ...f([
            [
              'duration',
              record.data.durationMinutes === undefined
                ? undefined
                : t('value.minutes', { minutes: record.data.durationMinutes }),
            ],
          ]),
          t('hearing.presence', {
            heard: text.yesNo(record.data.defendantHeard),
            lawyer: text.yesNo(record.data.lawyerPresent),
          }),
          ...f([['notes', record.data.notes]]),
        ],
      };
    case 'PreventiveMeasureImposed':
      return {
        title: t('event.PreventiveMeasureImposed', { measure: text.term('measure', record.data.measure) }),
        lines: f([['until', record.data.until ? text.date(record.data.until) : t('value.noEndDate')]]),
      };
    case 'PreventiveMeasureExtended':
      return { title: t('event.PreventiveMeasureExtended', { until: text.date(record.data.until) }), lines: [] };
    case 'ReleasedToHouseArrest':
      return {
        title: t('event.ReleasedToHouseArrest'),
        lines: f([
          ['until', record.data.until ? text.date(record.data.until) : undefined],
          ['address', record.data.address],
          ['conditions', record.data.conditions],
        ]),
      };
    case 'Released':
      return {
        title: record.data.grounds
          ? t('event.Released', { grounds: text.term('releaseGrounds', record.data.grounds) })
          : t('event.ReleasedNoGrounds'),
        lines: f([['note', record.data.note]]),
      };
    case 'AccessDenied':
      return {
        title: t('event.AccessDenied', { who: text.term('accessDeniedTo', record.data.who) }),
        lines: f([
          ['by', record.data.by],
          ['details', record.data.details],
        ]),
      };
    case 'AccessGranted':
      return { title: t('event.AccessGranted', { who: text.term('accessDeniedTo', record.data.who) }), lines: [] };
    case 'TortureAllegationRecorded': {
      const { data } = record;
      const period = data.periodTo
        ? t('value.period', { from: text.dateTime(data.periodFrom), to: text.dateTime(data.periodTo) })
        : t('value.periodFrom', { from: text.dateTime(data.periodFrom) });
      return {
        title: t('event.TortureAllegationRecorded', { methods: text.terms('tortureMethod', data.methods) }),
        lines: [
          ...f([
            ['period', period],
            ['place', data.facility],
            ['injuries', data.injuries],
            ['perpetrators', data.perpetrators],
            ['witnesses', data.witnesses],
            ['account', data.account],
          ]),
          ...data.evidence.map((e) =>
            t('field.line', {
              name: t('field.evidence'),
              value: [e.kind, e.reference, e.sha256 ? `sha256 ${e.sha256}` : ''].filter((v) => v !== '').join(', '),
            }),
          ),
          ...f([['consent', text.term('consent', data.consent)]]),
        ],
      };
    }
    case 'ComplaintFiled':
      return {
        title: t('event.ComplaintFiled', { body: text.term('complaintBody', record.data.filedWith) }),
        lines: f([
          ['reference', record.data.reference],
          ['answerDue', record.data.responseDueAt ? text.date(record.data.responseDueAt) : undefined],
        ]),
      };
    case 'ComplaintAnswered':
      return {
        title: t('event.ComplaintAnswered', { outcome: text.term('complaintOutcome', record.data.outcome) }),
        lines: f([
          ['reference', record.data.reference],
          ['note', record.data.note],
        ]),
      };
    case 'ComplainantPressured':
      return {
        title: t('event.ComplainantPressured'),
        lines: f([
          ['by', record.data.by],
          ['details', record.data.details],
        ]),
      };
    case 'PressureReported':
      return {
        title: record.data.kind
          ? t('event.PressureReported', { kind: text.term('pressureKind', record.data.kind) })
          : t('event.PressureReportedNoKind'),
        lines: f([
          ['by', record.data.by],
          ['details', record.data.details],
        ]),
      };
    case 'ComplaintWithdrawn':
      return { title: t('event.ComplaintWithdrawn'), lines: f([['reason', record.data.reason]]) };
    case 'MedicalFactRecorded':
      return {
        title: t('event.MedicalFactRecorded', { kind: text.term('medicalKind', record.data.kind) }),
        lines: [text.value(record.data.details)],
      };
    case 'VerdictDelivered': {
      const { sentence } = record.data;
      const kind = sentence ? text.term('sentenceKind', sentence.kind) : undefined;
      return {
        title: t('event.VerdictDelivered', { outcome: text.term('verdictOutcome', record.data.outcome) }),
        lines: f([
          [
            'sentence',
            kind === undefined
              ? undefined
              : sentence?.months === undefined
                ? kind
                : t('value.sentenceMonths', { kind, months: sentence.months }),
          ],
        ]),
      };
    }
    case 'DeathRecorded':
      return {
        title: t('event.DeathRecorded', { circumstances: text.term('deathCircumstances', record.data.circumstances) }),
        lines: f([
          ['causes', record.data.causes ? text.terms('deathCause', record.data.causes) : undefined],
          ['bodyReleased', record.data.bodyReleased === undefined ? undefined : text.yesNo(record.data.bodyReleased)],
          ['details', record.data.details],
        ]),
      };
    case 'NoteAdded':
      return { title: t('event.NoteAdded'), lines: [text.value(record.data.text)] };
    case 'CaseLinked':
      return {
        title: t('event.CaseLinked', {
          caseId: record.data.caseId,
          relation: text.term('linkRelation', record.data.relation),
        }),
        lines: f([['note', record.data.note]]),
      };
    case 'FactRetracted':
      return { title: t('event.FactRetracted'), lines: f([['reason', record.data.reason]]) };
    case 'CaseClosed':
      return { title: t('event.CaseClosed'), lines: f([['reason', record.data.reason]]) };
    case 'CaseReopened':
      return { title: t('event.CaseReopened'), lines: f([['reason', record.data.reason]]) };
    case 'CaseErased':
      return { title: t('event.CaseErased'), lines: f([['reason', record.data.reason]]) };
    case 'MergeRequested':
      return {
        title: t('event.MergeRequested', { caseId: record.data.intoCaseId }),
        lines: f([['reason', record.data.reason]]),
      };
    case 'DuplicateMerged':
      return {
        title: t('event.DuplicateMerged', { caseId: record.data.duplicateCaseId }),
        lines: record.data.nameVariants.length > 0 ? [record.data.nameVariants.join('; ')] : [],
      };
    default:
      return assertNever(record);
  }
}

function identityLines(data: IdentityFields, text: DossierText): string[] {
  return text.fields([
    ['fullName', data.fullName],
    ['born', data.birthDate ? text.calendar(data.birthDate) : undefined],
    ['birthYear', data.birthYear],
    ['sex', data.sex === undefined ? undefined : text.term('sex', data.sex)],
    ['city', data.city],
    ['occupation', data.occupation],
    ['publicRoles', data.publicRoles ? text.terms('publicRole', data.publicRoles) : undefined],
    ['vulnerabilities', data.vulnerabilities ? text.terms('vulnerability', data.vulnerabilities) : undefined],
  ]);
}

/** The article as the charge names it; an unknown article says so. */
export function article(qualification: { article?: string; part?: string }, text: DossierText): string {
  const known = qualification.article ?? text.t('value.unknown');
  return qualification.part
    ? text.t('value.articlePart', { article: known, part: qualification.part })
    : text.t('value.article', { article: known });
}
