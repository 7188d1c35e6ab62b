import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { CaseDossier } from '@casetrack/domain';
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
  language: Locale;
  timeZone: string;
  issuedBy: DossierPersonView;
  people: DossierPersonView[];
};

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
