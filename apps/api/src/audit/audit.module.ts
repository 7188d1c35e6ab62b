import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DossierController } from './dossier/dossier.controller';
import { GetDossierHandler } from './dossier/get-dossier.handler';
import { GetHistoryHandler } from './history/get-history.handler';
import { HistoryController } from './history/history.controller';
import { CaseStreamReader } from './shared/case-stream.reader';
import { GetTimelineHandler } from './timeline/get-timeline.handler';
import { TimelineController } from './timeline/timeline.controller';
import { VerifyCaseHandler } from './verify/verify-case.handler';
import { VerifyController } from './verify/verify.controller';

/** The auditor's reads of a case stream: timeline, point-in-time history, verification and the dossier. */
@Module({
  imports: [CqrsModule],
  controllers: [TimelineController, HistoryController, VerifyController, DossierController],
  providers: [CaseStreamReader, GetTimelineHandler, GetHistoryHandler, VerifyCaseHandler, GetDossierHandler],
})
export class AuditModule {}
