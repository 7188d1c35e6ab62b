import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CaseExportSource } from '@casetrack/read-model';
import { MinPositionInterceptor } from '../shared/min-position.interceptor';
import { ReadsModule } from '../reads.module';
import { CaseExportController } from './case-export.controller';
import { StatsExportController } from './stats-export.controller';

/**
 * Exports of the case list and of the statistics. Imported before ReadsModule so that its routes are matched first:
 * `GET /v1/cases/export` must not be taken for the case `export` of `GET /v1/cases/:caseId`.
 */
@Module({
  imports: [CqrsModule, ReadsModule],
  controllers: [CaseExportController, StatsExportController],
  providers: [CaseExportSource, MinPositionInterceptor],
})
export class ExportsModule {}
