import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { message } from '@casetrack/i18n';
import { CaseExportSource } from '@casetrack/read-model';
import { CaseAccessLog } from '../../access-log/case-access-log';
import { ApiRoute } from '../../openapi/api-route';
import { ReadController, viewerOf } from '../shared/read-controller';
import { CaseExportTable } from './case-export-table';
import { exportAnswer } from './export-docs';
import { ExportCasesDto } from './export.dto';
import { fileName, readerOf } from './reader';
import { streamFile } from './stream-file';

/** Rows read and written at a time: enough to keep the database round trips few, few enough to keep memory flat. */
const BATCH = 1_000;

@ApiTags('reads')
@ReadController()
@Controller('v1/cases')
export class CaseExportController {
  constructor(
    private readonly source: CaseExportSource,
    private readonly log: CaseAccessLog,
  ) {}

  @ApiRoute({
    operationId: 'exportCases',
    summary: 'Every case of the list the caller may see, filtered as the list is, as a CSV or xlsx file',
    description:
      'One row per case with every field of the case summary (charges as "article title", lawyers by account name), ' +
      "headers and labels in the reader's language (`lang`, default the account's), times in the reader's zone " +
      "(`tz`, default the account's) with the precision they are known with. Rows are in case id order. The export " +
      'is written to the access log as one entry (view `export`) naming its filter and the number of cases. ' +
      'Consent: an allegation given for full use is counted under the name; a case with an allegation given for ' +
      'anonymised use is exported anonymised (initials and year of birth, no other spellings) and that allegation ' +
      'counted; an allegation given for internal use only is never counted in an export.',
    answer: exportAnswer('The cases'),
  })
  @Get('export')
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ExportCasesDto,
    @Res() response: Response,
  ): Promise<void> {
    const { format = 'csv', lang, tz, ...asked } = query;
    const reader = readerOf(user, { lang, tz });
    const filters = { ...asked, timeZone: reader.timeZone };
    const viewer = viewerOf(user);
    const count = await this.source.count(viewer, filters);
    // Recorded before the first byte leaves: an export that cannot be logged is not served.
    await this.log.recordExport(user, { ...query, format }, count);
    await streamFile(response, format, fileName('cases', reader), false, async (file, flush) => {
      const table = new CaseExportTable(reader);
      file.startTable(message(reader.locale, 'exports.cases.sheet'), table.header());
      for await (const batch of this.source.batches(viewer, filters, BATCH)) {
        file.rows(batch.map((row) => table.cells(row)));
        await flush();
      }
      file.endTable();
    });
  }
}
