import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { CaseDossier } from '@casetrack/domain';
import type { ChainVerification } from '@casetrack/event-store';

/** The dossier with the verification of the stream it was built from. */
export type VerifiedDossier = CaseDossier & { verification: ChainVerification };

export class GetDossier extends Query<VerifiedDossier> {
  constructor(
    readonly caseId: string,
    readonly reader: AuthenticatedUser,
    readonly includeInternal: boolean,
  ) {
    super();
  }
}
