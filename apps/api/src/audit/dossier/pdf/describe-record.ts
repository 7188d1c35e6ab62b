import { type AnyDossierRecord, assertNever, type IdentityFields } from '@casetrack/domain';
import { day, fields, label, shortId, utc, yesNo } from './pdf-format';

export interface RecordText {
  title: string;
  lines: string[];
}

/** One fact in plain English for a reader of the PDF (the JSON carries the same facts as data). */
export function describeRecord(record: AnyDossierRecord): RecordText {
  switch (record.type) {
    case 'CaseOpened':
      return { title: 'Case opened', lines: fields([['Source', label(record.data.source.kind)]]) };
    case 'IdentityCorrected':
      return { title: 'Identity corrected', lines: identityLines(record.data) };
    case 'NameVariantsAdded':
      return { title: 'Other spellings of the name', lines: [record.data.variants.join('; ')] };
    case 'LawyerAssigned':
      return { title: `Lawyer ${shortId(record.data.lawyerId)} assigned as ${record.data.role}`, lines: [] };
    case 'LawyerUnassigned':
      return {
        title: `Lawyer ${shortId(record.data.lawyerId)} unassigned`,
        lines: fields([['Reason', record.data.reason]]),
      };
    case 'DetentionRecorded':
      return {
        title: `Detained in ${record.data.city ?? 'an unknown city'} by ${label(record.data.authority)}`,
        lines: fields([
          ['Place', record.data.place],
          ['Circumstances', record.data.circumstances],
          ['Injuries', record.data.injuries],
        ]),
      };
    case 'WhereaboutsUnknownReported':
      return { title: 'Whereabouts unknown', lines: fields([['Reported by', record.data.reportedBy]]) };
    case 'DetaineeTransferred': {
      const { facility } = record.data;
      const code = facility.code ? ` (${facility.code})` : '';
      return {
        title: facility.name ? `Transferred to ${facility.name}${code}` : `Transferred to facility ${facility.code}`,
        lines: fields([
          ['City', facility.city],
          ['Kind', label(facility.kind)],
        ]),
      };
    }
    case 'ChargeBrought':
      return {
        title: `Charge brought: ${record.data.code} art. ${article(record.data)}`,
        lines: fields([['Title', record.data.title]]),
      };
    case 'ChargeRequalified':
      return { title: `Requalified to art. ${article(record.data)}`, lines: fields([['Title', record.data.title]]) };
    case 'ChargeDropped':
      return { title: 'Charge dropped', lines: fields([['Reason', record.data.reason]]) };
    case 'AdministrativeSanctionImposed':
      return {
        title: `Administrative ${record.data.kind}`,
        lines: fields([
          ['Days', record.data.days],
          [
            'Amount',
            record.data.amount === undefined ? undefined : `${record.data.amount} ${record.data.currency ?? ''}`,
          ],
        ]),
      };
    case 'HearingScheduled':
      return {
        title: `Scheduled for ${utc(record.data.scheduledAt)}`,
        lines: fields([
          ['Judge', record.data.judge],
          ['Location', record.data.location],
        ]),
      };
    case 'HearingRescheduled':
      return { title: `Moved to ${utc(record.data.scheduledAt)}`, lines: fields([['Reason', record.data.reason]]) };
    case 'HearingCancelled':
      return { title: 'Cancelled', lines: fields([['Reason', record.data.reason]]) };
    case 'HearingHeld':
      return {
        title: `Held: ${record.data.outcome}`,
        lines: [
          ...fields([
            ['Duration', record.data.durationMinutes === undefined ? undefined : `${record.data.durationMinutes} min`],
          ]),
          `Defendant heard: ${yesNo(record.data.defendantHeard)}  ·  Lawyer present: ${yesNo(record.data.lawyerPresent)}`,
          ...fields([['Notes', record.data.notes]]),
        ],
      };
    case 'PreventiveMeasureImposed':
      return {
        title: `Preventive measure: ${label(record.data.measure)}`,
        lines: fields([['Until', record.data.until ? day(record.data.until) : 'no end date']]),
      };
    case 'PreventiveMeasureExtended':
      return { title: `Measure extended until ${day(record.data.until)}`, lines: [] };
    case 'ReleasedToHouseArrest':
      return {
        title: 'Released to house arrest',
        lines: fields([
          ['Until', record.data.until ? day(record.data.until) : undefined],
          ['Address', record.data.address],
          ['Conditions', record.data.conditions],
        ]),
      };
    case 'Released':
      return {
        title: record.data.grounds ? `Released (${label(record.data.grounds)})` : 'Released (grounds unknown)',
        lines: fields([['Note', record.data.note]]),
      };
    case 'AccessDenied':
      return {
        title: `Access denied to ${record.data.who}`,
        lines: fields([
          ['By', record.data.by],
          ['Details', record.data.details],
        ]),
      };
    case 'AccessGranted':
      return { title: `Access granted to ${record.data.who}`, lines: [] };
    case 'TortureAllegationRecorded': {
      const { data } = record;
      const period = data.periodTo
        ? `${utc(data.periodFrom)} to ${utc(data.periodTo)}`
        : `from ${utc(data.periodFrom)}`;
      return {
        title: `Methods: ${data.methods.map(label).join(', ')}`,
        lines: [
          ...fields([
            ['Period', period],
            ['Place', data.facility],
            ['Injuries', data.injuries],
            ['Perpetrators (as described)', data.perpetrators],
            ['Witnesses', data.witnesses],
            ['Account', data.account],
          ]),
          ...data.evidence.map((e) => `Evidence: ${e.kind}, ${e.reference}${e.sha256 ? `, sha256 ${e.sha256}` : ''}`),
          `Consent: ${label(data.consent)}`,
        ],
      };
    }
    case 'ComplaintFiled':
      return {
        title: `Filed with ${label(record.data.filedWith)}`,
        lines: fields([
          ['Reference', record.data.reference],
          ['Answer due', record.data.responseDueAt ? day(record.data.responseDueAt) : undefined],
        ]),
      };
    case 'ComplaintAnswered':
      return {
        title: `Answer: ${label(record.data.outcome)}`,
        lines: fields([
          ['Reference', record.data.reference],
          ['Note', record.data.note],
        ]),
      };
    case 'ComplainantPressured':
      return {
        title: 'Pressure on the complainant',
        lines: fields([
          ['By', record.data.by],
          ['Details', record.data.details],
        ]),
      };
    case 'PressureReported':
      return {
        title: record.data.kind ? `Pressure (${label(record.data.kind)})` : 'Pressure',
        lines: fields([
          ['By', record.data.by],
          ['Details', record.data.details],
        ]),
      };
    case 'ComplaintWithdrawn':
      return { title: 'Withdrawn', lines: fields([['Reason', record.data.reason]]) };
    case 'MedicalFactRecorded':
      return { title: `Medical: ${label(record.data.kind)}`, lines: [record.data.details] };
    case 'VerdictDelivered': {
      const { sentence } = record.data;
      const months = sentence?.months === undefined ? '' : `, ${sentence.months} months`;
      return {
        title: `Verdict: ${label(record.data.outcome)}`,
        lines: fields([['Sentence', sentence ? `${label(sentence.kind)}${months}` : undefined]]),
      };
    }
    case 'DeathRecorded':
      return {
        title: `Death (${label(record.data.circumstances)})`,
        lines: fields([
          ['Causes', record.data.causes?.map(label).join(', ')],
          ['Body released', record.data.bodyReleased === undefined ? undefined : yesNo(record.data.bodyReleased)],
          ['Details', record.data.details],
        ]),
      };
    case 'NoteAdded':
      return { title: 'Note', lines: [record.data.text] };
    case 'CaseLinked':
      return {
        title: `Linked to case ${record.data.caseId} (${label(record.data.relation)})`,
        lines: fields([['Note', record.data.note]]),
      };
    case 'FactRetracted':
      return { title: 'Retraction', lines: fields([['Reason', record.data.reason]]) };
    case 'CaseClosed':
      return { title: 'Case closed', lines: fields([['Reason', record.data.reason]]) };
    case 'CaseReopened':
      return { title: 'Case reopened', lines: fields([['Reason', record.data.reason]]) };
    case 'CaseErased':
      return { title: 'Sensitive data erased', lines: fields([['Reason', record.data.reason]]) };
    case 'MergeRequested':
      return {
        title: `Merged into case ${record.data.intoCaseId} as a duplicate`,
        lines: fields([['Reason', record.data.reason]]),
      };
    case 'DuplicateMerged':
      return {
        title: `Case ${record.data.duplicateCaseId} merged into this one`,
        lines: record.data.nameVariants.length > 0 ? [record.data.nameVariants.join('; ')] : [],
      };
    default:
      return assertNever(record);
  }
}

function identityLines(data: IdentityFields): string[] {
  return fields([
    ['Full name', data.fullName],
    ['Born', data.birthDate],
    ['Birth year', data.birthYear],
    ['Sex', data.sex === undefined ? undefined : label(data.sex)],
    ['City', data.city],
    ['Occupation', data.occupation],
    ['Public roles', data.publicRoles?.map(label).join(', ')],
    ['Vulnerabilities', data.vulnerabilities?.map(label).join(', ')],
  ]);
}

function article(qualification: { article?: string; part?: string }): string {
  const known = qualification.article ?? 'unknown';
  return qualification.part ? `${known} part ${qualification.part}` : known;
}
