import type { AnyDossierRecord, DossierRecord } from '@casetrack/domain';
import type { VerifiedDossier } from '../get-dossier.query';
import { article } from './describe-record';
import { DossierText, type DossierReading, shortId } from './pdf-format';
import { PdfWriter } from './pdf-writer';

/** The dossier (naming its issuer, the account that asked for it) and the reading it is printed for. */
export interface DossierToPrint {
  dossier: VerifiedDossier;
  reading: DossierReading;
}

/**
 * The dossier as a document a person reads, in their language and time zone: what is known of the detainee, then
 * each part of the case in the order things happened, every fact with when it happened (as precisely as known), when
 * it was recorded and by whom (account name and role), and at the end the verification of the stream it was built
 * from. Sections with nothing in them are named once, together, instead of each printing an empty heading.
 */
export function renderDossierPdf({ dossier, reading }: DossierToPrint): Promise<Buffer> {
  const text = new DossierText(reading);
  const t = text.t.bind(text);
  const pdf = new PdfWriter(t('document.title', { caseId: dossier.caseId }), text);
  const empty: string[] = [];
  const name = dossier.detainee?.fullName ?? t('detainee.unknownName');
  pdf.title(
    t('document.heading', { name }),
    t('document.issued', {
      caseId: dossier.caseId,
      by: text.person(dossier.issuedBy.id, dossier.issuedBy.role),
      at: text.dateTime(dossier.generatedAt),
    }),
  );
  integritySummary(pdf, dossier, text);
  detainee(pdf, dossier, text, empty);
  list(pdf, text, empty, 'identity', dossier.identity);
  situation(pdf, dossier, text);
  deadlines(pdf, dossier, text);
  lawyers(pdf, dossier, text, empty);
  list(pdf, text, empty, 'custody', dossier.custody);
  charges(pdf, dossier, text, empty);
  list(pdf, text, empty, 'sanctions', dossier.administrativeSanctions);
  hearings(pdf, dossier, text, empty);
  list(pdf, text, empty, 'allegations', dossier.allegations);
  complaints(pdf, dossier, text, empty);
  list(pdf, text, empty, 'accessDenials', dossier.accessDenials);
  list(pdf, text, empty, 'pressure', dossier.pressure);
  list(pdf, text, empty, 'medical', dossier.medical);
  list(pdf, text, empty, 'verdict', dossier.verdict ? [dossier.verdict] : []);
  list(pdf, text, empty, 'death', dossier.death ? [dossier.death] : []);
  list(pdf, text, empty, 'notes', dossier.notes);
  list(pdf, text, empty, 'links', dossier.links);
  list(pdf, text, empty, 'lifecycle', byOccurrence([...dossier.lawyers.records, ...dossier.lifecycle]));
  retractions(pdf, dossier, text, empty);
  if (empty.length > 0) {
    pdf.section(t('section.empty'));
    pdf.paragraph(t('empty.list', { sections: empty.join('; ') }));
  }
  verification(pdf, dossier, text);
  pdf.footers(t('footer.text', { caseId: shortId(dossier.caseId), integrity: integrityWord(dossier, text) }));
  return pdf.finish();
}

function integrityWord(dossier: VerifiedDossier, text: DossierText): string {
  const v = dossier.verification;
  return v.valid
    ? text.t('integrity.short', { events: v.events })
    : text.t('integrity.broken', { version: v.brokenAtVersion });
}

function integritySummary(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText): void {
  const v = dossier.verification;
  pdf.facts([
    [
      text.t('integrity.label'),
      v.valid ? text.t('integrity.verified', { events: v.events }) : integrityWord(dossier, text),
    ],
    [text.t('integrity.headHash'), v.valid ? (v.headHash ?? text.t('value.none')) : text.t('integrity.noHeadHash')],
    [text.t('content.label'), dossier.includesInternal ? text.t('content.internal') : contentNote(dossier, text)],
  ]);
  pdf.paragraph(text.t('document.howToRead', { zone: text.reading.timeZone }), true);
}

function contentNote(dossier: VerifiedDossier, text: DossierText): string {
  const { internalAllegations, anonymisedAllegations } = dossier.withheld;
  if (internalAllegations === 0 && anonymisedAllegations === 0) return text.t('content.complete');
  return text.t('content.withheld', { internal: internalAllegations, anonymised: anonymisedAllegations });
}

function detainee(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText, empty: string[]): void {
  const person = dossier.detainee;
  if (!person) return void empty.push(text.t('section.detainee'));
  const t = text.t.bind(text);
  pdf.section(t('section.detainee'));
  const born: (readonly [string, string])[] = person.birthDate
    ? [[t('field.born'), text.calendar(person.birthDate)]]
    : person.birthYear === undefined
      ? []
      : [[t('field.birthYear'), String(person.birthYear)]];
  pdf.facts([
    [t('field.fullName'), person.fullName],
    ...(person.nameVariants.length ? [[t('field.otherSpellings'), person.nameVariants.join('; ')] as const] : []),
    ...born,
    [t('field.sex'), text.term('sex', person.sex)],
    [t('field.city'), person.city ?? t('value.unknown')],
    ...(person.occupation ? [[t('field.occupation'), person.occupation] as const] : []),
    ...(person.publicRoles?.length
      ? [[t('field.publicRoles'), text.terms('publicRole', person.publicRoles)] as const]
      : []),
    [
      t('field.vulnerabilities'),
      person.vulnerabilities.length ? text.terms('vulnerability', person.vulnerabilities) : t('value.noneRecorded'),
    ],
    [t('field.reportedBy'), person.source ? text.term('sourceKind', person.source.kind) : t('value.notRecorded')],
  ]);
  pdf.record(person.record as AnyDossierRecord, 0);
}

function situation(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText): void {
  const t = text.t.bind(text);
  const s = dossier.situation;
  pdf.section(t('section.situation'));
  const facility = s.currentFacility;
  const status = text.term('caseStatus', s.status);
  pdf.facts([
    [t('field.status'), s.closed ? t('situation.closed', { status }) : status],
    ...(s.heldAs && s.heldAs !== s.status ? [[t('field.heldAs'), text.term('caseStatus', s.heldAs)] as const] : []),
    ...(facility
      ? [
          [
            t('field.facility'),
            [
              facility.name ? `${facility.name}${facility.code ? ` (${facility.code})` : ''}` : facility.code,
              facility.city,
            ]
              .filter((part) => part)
              .join(', '),
          ] as const,
        ]
      : []),
    ...(s.measure
      ? [
          [
            t('field.measure'),
            s.measure.until
              ? t('situation.measureUntil', {
                  measure: text.term('measure', s.measure.measure),
                  until: text.date(s.measure.until),
                })
              : text.term('measure', s.measure.measure),
          ] as const,
        ]
      : []),
    ...(s.release ? [[t('field.released'), text.happened(s.release)] as const] : []),
  ]);
}

/** The deadlines by law the case had when the dossier was issued; nothing at all where no rule set applies. */
function deadlines(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText): void {
  if (dossier.deadlines.length === 0) return;
  pdf.section(text.t('section.deadlines'));
  pdf.facts(
    dossier.deadlines.map((deadline) => [
      deadline.name[text.locale],
      text.t('deadline.value', {
        due: text.happened({ occurredAt: deadline.dueAt, occurredAtPrecision: deadline.precision }),
        overdue: deadline.overdue ? 'yes' : 'no',
        article: deadline.source.article,
        url: deadline.source.url,
      }),
    ]),
  );
}

function lawyers(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText, empty: string[]): void {
  if (dossier.lawyers.current.length === 0) return void empty.push(text.t('section.lawyers'));
  pdf.section(text.t('section.lawyers'));
  pdf.facts(
    dossier.lawyers.current.map(({ lawyerId, role }) => [
      text.term('lawyerRole', role),
      text.person(lawyerId, 'lawyer'),
    ]),
  );
}

function list(
  pdf: PdfWriter,
  text: DossierText,
  empty: string[],
  section: string,
  records: readonly DossierRecord[],
): void {
  const title = text.t(`section.${section}`);
  if (records.length === 0) return void empty.push(title);
  pdf.section(title);
  for (const record of records) pdf.record(record as AnyDossierRecord, 0);
}

function byOccurrence(records: DossierRecord[]): DossierRecord[] {
  return records.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.version - b.version);
}

function charges(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText, empty: string[]): void {
  if (dossier.charges.length === 0) return void empty.push(text.t('section.charges'));
  pdf.section(text.t('section.charges'));
  for (const charge of dossier.charges) {
    pdf.subheading(
      text.t('charge.heading', {
        code: text.term('chargeCode', charge.code),
        article: article(charge, text),
        titled: charge.title ? 'yes' : 'no',
        title: charge.title ?? '',
        status: text.t(`charge.status.${charge.status}`),
      }),
    );
    for (const record of charge.records) pdf.record(record as AnyDossierRecord);
  }
}

function hearings(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText, empty: string[]): void {
  const t = text.t.bind(text);
  if (dossier.hearings.length === 0) return void empty.push(t('section.hearings'));
  pdf.section(t('section.hearings'));
  for (const h of dossier.hearings) {
    const held =
      h.status === 'held'
        ? [
            t('hearing.held', {
              timed: h.durationMinutes === undefined ? 'no' : 'yes',
              duration: h.durationMinutes === undefined ? '' : t('value.minutes', { minutes: h.durationMinutes }),
              heard: text.yesNo(h.defendantHeard),
              lawyer: text.yesNo(h.lawyerPresent),
            }),
          ]
        : [
            h.status === 'cancelled'
              ? t('hearing.cancelled', { reason: h.cancelReason ?? '' })
              : t('hearing.scheduled'),
          ];
    pdf.subheading(
      t('hearing.heading', {
        kind: text.term('hearingKind', h.kind),
        court: h.court,
        when: text.scheduled(h.scheduledAt, h.scheduledAtPrecision),
      }),
      held,
    );
    for (const record of h.records) pdf.record(record as AnyDossierRecord);
  }
}

function complaints(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText, empty: string[]): void {
  const t = text.t.bind(text);
  if (dossier.complaints.length === 0) return void empty.push(t('section.complaints'));
  pdf.section(t('section.complaints'));
  for (const c of dossier.complaints) {
    const about = c.allegationId
      ? [
          c.allegationWithheld
            ? t('complaint.aboutWithheld', { id: shortId(c.allegationId) })
            : t('complaint.about', { id: shortId(c.allegationId) }),
        ]
      : [];
    pdf.subheading(
      t('complaint.heading', {
        body: text.term('complaintBody', c.filedWith),
        numbered: c.reference ? 'yes' : 'no',
        reference: c.reference ?? '',
        status: t(`complaint.status.${c.status}`),
      }),
      about,
    );
    for (const record of c.records) pdf.record(record as AnyDossierRecord);
  }
}

function retractions(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText, empty: string[]): void {
  if (dossier.retractions.length === 0) return void empty.push(text.t('section.retractions'));
  pdf.section(text.t('section.retractions'));
  for (const { retracted, retraction } of dossier.retractions) {
    pdf.subheading(
      text.t('retraction.heading', {
        type: text.t(`eventType.${retracted.type}`),
        happened: text.happened(retracted),
        version: retracted.version,
      }),
    );
    pdf.record(retraction as AnyDossierRecord);
  }
}

function verification(pdf: PdfWriter, dossier: VerifiedDossier, text: DossierText): void {
  const t = text.t.bind(text);
  pdf.section(t('section.verification'));
  const v = dossier.verification;
  pdf.paragraph(t('verification.explanation'));
  pdf.facts(
    v.valid
      ? [
          [t('verification.result'), t('verification.valid')],
          [t('verification.events'), String(v.events)],
          [t('integrity.headHash'), v.headHash ?? t('value.none')],
        ]
      : [
          [t('verification.result'), t('verification.broken')],
          [t('verification.firstBadVersion'), String(v.brokenAtVersion)],
          [t('verification.problem'), t(`verification.problems.${v.problem}`)],
        ],
  );
  pdf.paragraph(t('document.font', { font: pdf.fontSource }), true);
}
