import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadModelModule } from '@casetrack/read-model';
import { PG_POOL } from '../infrastructure/infrastructure.module';
import { AgendaController } from './agenda/agenda.controller';
import { CaseReadsController } from './cases/case-reads.controller';
import { ComplaintReadsController } from './complaints/complaint-reads.controller';
import { HearingReadsController } from './hearings/hearing-reads.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MinPositionInterceptor } from './shared/min-position.interceptor';
import { StatsController } from './stats/stats.controller';

const readModel = ReadModelModule.register({ pool: PG_POOL });

/** The read routes of the contract served from the read models (timeline, history and verify live elsewhere). */
@Module({
  imports: [CqrsModule, readModel],
  controllers: [
    CaseReadsController,
    HearingReadsController,
    ComplaintReadsController,
    StatsController,
    AgendaController,
    MetricsController,
  ],
  providers: [MinPositionInterceptor],
  exports: [ReadModelModule],
})
export class ReadsModule {}
