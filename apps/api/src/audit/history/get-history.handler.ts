import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type CaseHistory, caseHistory } from '@casetrack/domain';
import { CaseStreamReader } from '../shared/case-stream.reader';
import { GetHistory } from './get-history.query';

/** Rebuilt from the stream on every call (never from a read model), so it is exactly what the events say. */
@QueryHandler(GetHistory)
export class GetHistoryHandler implements IQueryHandler<GetHistory, CaseHistory> {
  constructor(private readonly streams: CaseStreamReader) {}

  async execute(query: GetHistory): Promise<CaseHistory> {
    const stream = await this.streams.read(query.caseId, query.reader);
    return caseHistory(stream.state(), query.asOf, query.axis);
  }
}
