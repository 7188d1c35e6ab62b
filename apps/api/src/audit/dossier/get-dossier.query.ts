import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { CaseDossier, Deadline } from '@casetrack/domain';
import type { ChainVerification } from '@casetrack/event-store';
import type { Locale } from '@casetrack/i18n';

/** Someone the dossier names, by account: `name` is null when no account has that id any more. */
export interface DossierPersonView {
  id: string;
  name: string | null;
  role: string;
}

/**
 * The dossier with the verification of the stream it was built from, who issued it, and the language and zone it
 * is written for. Times in the JSON stay instants (ISO 8601, UTC) with their precision; `timeZone` is the zone the
 * PDF prints them in.
 */
export type VerifiedDossier = CaseDossier & {
  verification: ChainVerification;
  /** The deadlines by law (RULE_SETS) the case had when the dossier was issued, soonest first. */
  deadlines: DossierDeadline[];
  language: Locale;
  timeZone: string;
  issuedBy: DossierPersonView;
  people: DossierPersonView[];
};

/** A deadline as the reads answer it: without the fact's id, with whether it had passed when the dossier was issued. */
export type DossierDeadline = Omit<Deadline, 'subjectId' | 'overdue'> & { overdue: boolean };

export class GetDossier extends Query<VerifiedDossier> {
  constructor(
    readonly caseId: string,
    readonly reader: AuthenticatedUser,
    readonly includeInternal: boolean,
    readonly language: Locale,
    readonly timeZone: string,
  ) {
    super();
  }
}
