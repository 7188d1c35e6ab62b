import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { GetStatsQuery, type Stats } from '@casetrack/read-model';
import { ApiRoute } from '../../openapi/api-route';
import { ReadController, viewerOf } from '../shared/read-controller';
import { exportAnswer } from './export-docs';
import { ExportStatsDto } from './export.dto';
import { fileName, readerOf } from './reader';
import { statsTables } from './stats-tables';
import { streamFile } from './stream-file';

@ApiTags('reads')
@ReadController()
@Controller('v1/stats')
export class StatsExportController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'exportStats',
    summary: 'The statistics the caller may see as a file: one sheet per breakdown (xlsx), or one section each (CSV)',
    description:
      "The figures of GET /v1/stats for the same period and city, titled and labelled in the reader's language " +
      "(`lang`, default the account's). Counts only: no names, no case text.",
    answer: exportAnswer('The statistics'),
  })
  @Get('export')
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ExportStatsDto,
    @Res() response: Response,
  ): Promise<void> {
    const { format = 'csv', lang, tz, ...filters } = query;
    const reader = readerOf(user, { lang, tz });
    const stats: Stats = await this.queries.execute(
      new GetStatsQuery(viewerOf(user), { ...filters, timeZone: reader.timeZone }),
    );
    await streamFile(response, format, fileName('statistics', reader), true, async (file) => {
      for (const table of statsTables(stats, reader.locale)) {
        file.startTable(table.name, table.header);
        file.rows(table.rows);
        file.endTable();
      }
    });
  }
}
