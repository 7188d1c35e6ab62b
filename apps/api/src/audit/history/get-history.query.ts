import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { CaseHistory, TimeAxis } from '@casetrack/domain';

export class GetHistory extends Query<CaseHistory> {
  constructor(
    readonly caseId: string,
    readonly reader: AuthenticatedUser,
    readonly asOf: string,
    readonly axis: TimeAxis,
  ) {
    super();
  }
}
