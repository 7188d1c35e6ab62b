import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { ChainVerification } from '@casetrack/event-store';

export class VerifyCase extends Query<ChainVerification> {
  constructor(
    readonly caseId: string,
    readonly reader: AuthenticatedUser,
  ) {
    super();
  }
}
