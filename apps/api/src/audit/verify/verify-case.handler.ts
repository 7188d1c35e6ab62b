import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Logger } from '@casetrack/config';
import { type ChainVerification, verifyChain } from '@casetrack/event-store';
import { LOGGER } from '../../common/logger.provider';
import { CaseStreamReader } from '../shared/case-stream.reader';
import { VerifyCase } from './verify-case.query';

/** Recomputes the case stream's hash chain from the stored rows. */
@QueryHandler(VerifyCase)
export class VerifyCaseHandler implements IQueryHandler<VerifyCase, ChainVerification> {
  constructor(
    private readonly streams: CaseStreamReader,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(query: VerifyCase): Promise<ChainVerification> {
    const events = await this.streams.readStored(query.caseId, query.reader);
    const verification = verifyChain(events);
    if (!verification.valid) {
      // Worth an alert: someone changed or removed stored events behind the application's back.
      this.logger.warn(
        { caseId: query.caseId, brokenAtVersion: verification.brokenAtVersion, problem: verification.problem },
        'case stream hash chain broken',
      );
    }
    return verification;
  }
}
