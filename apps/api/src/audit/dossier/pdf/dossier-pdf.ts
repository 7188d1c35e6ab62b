import type { AnyDossierRecord, DossierRecord } from '@casetrack/domain';
import type { VerifiedDossier } from '../get-dossier.query';
import { capitalised, day, happened, label, shortId, typeLabel, utc, yesNo } from './pdf-format';
import { PdfWriter } from './pdf-writer';

/**
 * The dossier as a document a person reads: what is known of the detainee, then each part of the case in the
 * order things happened, every fact with when it happened, when it was recorded and by whom, and at the end the
 * verification of the stream it was built from. The JSON form carries the same facts.
 */
export function renderDossierPdf(dossier: VerifiedDossier): Promise<Buffer> {
  const pdf = new PdfWriter(`Case dossier ${dossier.caseId}`);
  const name = dossier.detainee?.fullName ?? 'Unknown detainee';
  pdf.title(`Case dossier: ${name}`, `Case ${dossier.caseId}  ·  generated ${utc(dossier.generatedAt)}`);
  integritySummary(pdf, dossier);
  detainee(pdf, dossier);
  list(pdf, 'Identity corrected and completed', dossier.identity);
  situation(pdf, dossier);
  list(pdf, 'Custody chain', dossier.custody);
  charges(pdf, dossier);
  list(pdf, 'Administrative sanctions', dossier.administrativeSanctions);
  hearings(pdf, dossier);
  allegations(pdf, dossier);
  complaints(pdf, dossier);
  list(pdf, 'Access denied', dossier.accessDenials);
  list(pdf, 'Pressure on the detainee or family', dossier.pressure);
  list(pdf, 'Medical facts', dossier.medical);
  list(pdf, 'Verdict', dossier.verdict ? [dossier.verdict] : []);
  list(pdf, 'Death', dossier.death ? [dossier.death] : []);
  list(pdf, 'Notes', dossier.notes);
  list(pdf, 'Linked cases', dossier.links);
  list(pdf, 'Lawyers and case record', byOccurrence([...dossier.lawyers.records, ...dossier.lifecycle]));
  retractions(pdf, dossier);
  verification(pdf, dossier);
  pdf.footers(`casetrack dossier  ·  case ${shortId(dossier.caseId)}  ·  ${integrityWord(dossier)}`);
  return pdf.finish();
}

function integrityWord(dossier: VerifiedDossier): string {
  return dossier.verification.valid
    ? `hash chain verified, ${dossier.verification.events} events`
    : `HASH CHAIN BROKEN at version ${dossier.verification.brokenAtVersion}`;
}

function integritySummary(pdf: PdfWriter, dossier: VerifiedDossier): void {
  const v = dossier.verification;
  pdf.facts([
    ['Integrity', v.valid ? `Verified: ${v.events} events, none changed or missing` : integrityWord(dossier)],
    ['Head hash', v.valid ? (v.headHash ?? 'none') : 'not available: the chain is broken'],
    [
      'Content',
      dossier.includesInternal ? 'Complete, including internal-only and anonymised allegations' : contentNote(dossier),
    ],
  ]);
  pdf.paragraph(
    'Every fact below shows when it happened, when it was recorded and by whom (role and user id). ' +
      'Times are in UTC. Facts that were retracted are listed separately at the end with the reason.',
    true,
  );
}

function contentNote(dossier: VerifiedDossier): string {
  const { internalAllegations, anonymisedAllegations } = dossier.withheld;
  const notes = [
    internalAllegations > 0
      ? `${internalAllegations} allegation(s) recorded for internal use only are not included`
      : '',
    anonymisedAllegations > 0
      ? `${anonymisedAllegations} allegation(s) consented for anonymised use only are not in this named dossier`
      : '',
  ].filter((note) => note !== '');
  return notes.length === 0
    ? 'Complete'
    : `${notes.join('. ')}. Typed details of complaints about them read [withheld].`;
}

function detainee(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Detainee');
  const person = dossier.detainee;
  if (!person) return pdf.none();
  pdf.facts([
    ['Full name', person.fullName],
    ...(person.nameVariants.length ? [['Other spellings', person.nameVariants.join('; ')] as const] : []),
    ...born(person),
    ['Sex', label(person.sex)],
    ['City', person.city ?? 'unknown'],
    ...(person.occupation ? [['Occupation', person.occupation] as const] : []),
    ...(person.publicRoles?.length ? [['Public roles', person.publicRoles.map(label).join(', ')] as const] : []),
    ['Vulnerabilities', person.vulnerabilities.length ? person.vulnerabilities.map(label).join(', ') : 'none recorded'],
    ['Reported by', person.source ? label(person.source.kind) : 'not recorded'],
  ]);
  pdf.record(person.record as AnyDossierRecord, 0);
}

/** A birth year stands for a date nobody could give; neither is printed when neither is known. */
function born(person: { birthDate?: string; birthYear?: number }): (readonly [string, string])[] {
  if (person.birthDate) return [['Born', person.birthDate]];
  return person.birthYear === undefined ? [] : [['Born (year)', String(person.birthYear)]];
}

function situation(pdf: PdfWriter, dossier: VerifiedDossier): void {
  const s = dossier.situation;
  pdf.section(`Situation when this dossier was generated`);
  const facility = s.currentFacility;
  pdf.facts([
    ['Status', `${label(s.status)}${s.closed ? ' (case closed)' : ''}`],
    ...(s.heldAs && s.heldAs !== s.status ? [['Held as', label(s.heldAs)] as const] : []),
    ...(facility
      ? [['Facility', `${facility.name}${facility.code ? ` (${facility.code})` : ''}, ${facility.city}`] as const]
      : []),
    ...(s.measure
      ? [['Measure', `${label(s.measure.measure)}${s.measure.until ? ` until ${day(s.measure.until)}` : ''}`] as const]
      : []),
    ...(s.release ? [['Released', happened(s.release)] as const] : []),
  ]);
}

function list(pdf: PdfWriter, title: string, records: readonly DossierRecord[]): void {
  pdf.section(title);
  if (records.length === 0) return pdf.none();
  for (const record of records) pdf.record(record as AnyDossierRecord, 0);
}

function byOccurrence(records: DossierRecord[]): DossierRecord[] {
  return records.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.version - b.version);
}

function charges(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Charges');
  if (dossier.charges.length === 0) return pdf.none();
  for (const charge of dossier.charges) {
    const part = charge.part ? ` part ${charge.part}` : '';
    const title = charge.title ? `: ${charge.title}` : '';
    pdf.subheading(`${capitalised(charge.code)} art. ${charge.article}${part}${title} (${charge.status})`);
    for (const record of charge.records) pdf.record(record as AnyDossierRecord);
  }
}

function hearings(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Hearings');
  if (dossier.hearings.length === 0) return pdf.none();
  for (const h of dossier.hearings) {
    const held =
      h.status === 'held'
        ? [
            `Held${h.durationMinutes === undefined ? '' : ` for ${h.durationMinutes} min`}  ·  defendant heard: ` +
              `${yesNo(h.defendantHeard)}  ·  lawyer present: ${yesNo(h.lawyerPresent)}`,
          ]
        : [h.status === 'cancelled' ? `Cancelled: ${h.cancelReason ?? ''}` : 'Scheduled, not yet held'];
    pdf.subheading(`${capitalised(h.kind)} hearing, ${h.court}, ${utc(h.scheduledAt)}`, held);
    for (const record of h.records) pdf.record(record as AnyDossierRecord);
  }
}

function allegations(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Torture and ill-treatment allegations');
  if (dossier.allegations.length === 0) return pdf.none();
  for (const record of dossier.allegations) pdf.record(record as AnyDossierRecord, 0);
}

function complaints(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Complaints and answers');
  if (dossier.complaints.length === 0) return pdf.none();
  for (const c of dossier.complaints) {
    const about = c.allegationId
      ? [`About allegation ${shortId(c.allegationId)}${c.allegationWithheld ? ' (not included in this dossier)' : ''}`]
      : [];
    pdf.subheading(
      `Complaint to ${label(c.filedWith)}${c.reference ? `, ref. ${c.reference}` : ''} (${c.status})`,
      about,
    );
    for (const record of c.records) pdf.record(record as AnyDossierRecord);
  }
}

function retractions(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Retracted facts');
  if (dossier.retractions.length === 0) return pdf.none();
  for (const { retracted, retraction } of dossier.retractions) {
    pdf.subheading(
      `${typeLabel(retracted.type)} of ${happened(retracted)} (event v${retracted.version}) was retracted`,
    );
    pdf.record(retraction as AnyDossierRecord);
  }
}

function verification(pdf: PdfWriter, dossier: VerifiedDossier): void {
  pdf.section('Verification');
  const v = dossier.verification;
  pdf.paragraph(
    'Each event of the case is stored with the SHA-256 of a canonical encoding of its stored form, which includes ' +
      'the hash of the event before it. Changing, removing or reordering any recorded fact changes every hash after ' +
      'it. The chain was recomputed from the stored events when this dossier was generated:',
  );
  pdf.facts(
    v.valid
      ? [
          ['Result', 'valid'],
          ['Events', String(v.events)],
          ['Head hash', v.headHash ?? 'none'],
        ]
      : [
          ['Result', 'BROKEN'],
          ['First bad version', String(v.brokenAtVersion)],
          ['Problem', label(v.problem)],
        ],
  );
  pdf.paragraph(`Text set in ${pdf.fontSource}.`, true);
}
