import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser, Roles } from '@casetrack/auth';
import { ParseIdPipe } from '../cases/shared/case-id.pipe';
import { ApiRoute, SignedInRoutes } from '../openapi/api-route';
import { PossibleDuplicateSchema } from '../cases/shared/write-answers';
import { fileName, readerOf } from '../reads/exports/reader';
import { streamFile } from '../reads/exports/stream-file';
import { IMPORT_KINDS } from './files';
import { ImportUploadInterceptor, MAX_IMPORT_BYTES, type UploadedList } from './import-upload.interceptor';
import {
  CommitImportDto,
  DryRunImportDto,
  ImportLanguageQueryDto,
  RejectedRowsQueryDto,
  UploadImportDto,
} from './imports.dto';
import {
  ImportCheckedSchema,
  ImportCommittingSchema,
  ImportRowDuplicateSchema,
  ImportStatusSchema,
  ImportUploadedSchema,
} from './imports.responses';
import { type ImportStatusAnswer, Imports, type UploadAnswer } from './imports.service';
import { RejectedRows } from './rejected-rows';

/**
 * Lists in (issue 17): a file uploaded, its columns mapped, its rows checked, then committed in the background through
 * the write routes' own path. Lawyers and coordinators import (a lawyer's imported cases are theirs); each import is
 * its importer's alone.
 */
@ApiTags('imports')
@SignedInRoutes()
@Roles('lawyer', 'coordinator')
@Controller('v1/imports')
export class ImportsController {
  constructor(
    private readonly imports: Imports,
    private readonly rejectedRows: RejectedRows,
  ) {}

  @ApiRoute({
    operationId: 'uploadImport',
    summary: 'Upload a list (CSV, TSV or XLSX) to import: its columns, samples and a suggested mapping',
    description:
      'CSV/TSV in UTF-8 (with or without BOM), UTF-16 or Windows-1251, delimited by `,` `;` or tab; XLSX: the first ' +
      `sheet (a header merged over two rows is joined). At most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. The file is ` +
      'kept sealed until it is deleted or expires (IMPORT_RETENTION_DAYS).',
    answer: { status: 201, type: ImportUploadedSchema, description: 'The list as read' },
    errors: [
      [400, 'VALIDATION_FAILED: no file, or a form field not valid; IMPORT_EMPTY, IMPORT_UNREADABLE: not a list'],
      [413, 'IMPORT_TOO_LARGE: the file, or its rows or columns, exceed the limits'],
      [415, 'IMPORT_UNSUPPORTED_TYPE: not multipart/form-data, or a file that is not text or a workbook'],
    ],
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        timeZone: { type: 'string', description: "IANA zone of the list's dates; default: the importer's" },
        kind: { type: 'string', enum: [...IMPORT_KINDS], description: 'default: cases' },
      },
    },
  })
  @UseInterceptors(ImportUploadInterceptor)
  @Post()
  upload(
    @CurrentUser() user: AuthenticatedUser,
    @UploadedFile() file: UploadedList | undefined,
    @Body() form: UploadImportDto,
    @Query() query: ImportLanguageQueryDto,
  ): Promise<UploadAnswer> {
    return this.imports.upload(inLanguage(user, query), file, form);
  }

  @ApiRoute({
    operationId: 'dryRunImport',
    summary: 'Check every row through a mapping: what it would record, its problems and possible duplicates',
    ids: ['importId'],
    answer: { type: ImportCheckedSchema, description: 'Every row, checked' },
    models: [PossibleDuplicateSchema, ImportRowDuplicateSchema],
    errors: [
      404,
      [400, 'VALIDATION_FAILED: the mapping names an unknown column or field, a field twice, or no name'],
      [409, 'IMPORT_COMMITTED: the import is committed already'],
    ],
  })
  @HttpCode(200)
  @Post(':importId/dry-run')
  dryRun(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId', ParseIdPipe) importId: string,
    @Body() body: DryRunImportDto,
    @Query() query: ImportLanguageQueryDto,
  ): ReturnType<Imports['dryRun']> {
    return this.imports.dryRun(inLanguage(user, query), importId, body);
  }

  @ApiRoute({
    operationId: 'commitImport',
    summary: 'Record the rows in the background; a repeat starts nothing twice',
    description:
      'Each row is recorded through the write routes (the same validation and rules), with an Idempotency-Key ' +
      'derived from the import and the row, so a repeat, a crash or a resume never records a row twice. Follow ' +
      'the progress with GET /v1/imports/{importId}.',
    ids: ['importId'],
    answer: { status: 202, type: ImportCommittingSchema, description: 'The commit is running (or was already)' },
    errors: [404, [400, 'VALIDATION_FAILED: the mapping or the decisions are not valid']],
  })
  @HttpCode(202)
  @Post(':importId/commit')
  commit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId', ParseIdPipe) importId: string,
    @Body() body: CommitImportDto,
  ): ReturnType<Imports['commit']> {
    return this.imports.commit(user, importId, body);
  }

  @ApiRoute({
    operationId: 'getImport',
    summary: 'An import’s status and progress',
    ids: ['importId'],
    answer: { type: ImportStatusSchema, description: 'The import' },
    errors: [404],
  })
  @Get(':importId')
  status(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId', ParseIdPipe) importId: string,
  ): Promise<ImportStatusAnswer> {
    return this.imports.status(user, importId);
  }

  @ApiRoute({
    operationId: 'importRejectedRows',
    summary: 'The rows a commit did not record (rejected or skipped), as the file had them, with the row and why',
    ids: ['importId'],
    answer: {
      description: 'CSV in UTF-8 with a byte order mark: the original columns, then `row` and `reason`',
      content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
    },
    errors: [404],
  })
  @Get(':importId/rejected')
  async rejected(
    @CurrentUser() user: AuthenticatedUser,
    @Param('importId', ParseIdPipe) importId: string,
    @Query() query: RejectedRowsQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const record = await this.imports.own(user, importId);
    const reader = readerOf(user, { lang: query.lang });
    await streamFile(response, 'csv', fileName('rejected-rows', reader), false, async (file, flush) => {
      file.startTable('rejected', this.rejectedRows.header(record));
      for await (const batch of this.rejectedRows.batches(record, reader.locale)) {
        file.rows(batch);
        await flush();
      }
      file.endTable();
    });
  }

  @ApiRoute({
    operationId: 'deleteImport',
    summary: 'Delete an import and every sealed cell it keeps',
    ids: ['importId'],
    answer: { status: 204, description: 'Deleted' },
    errors: [404, [409, 'IMPORT_COMMITTING: the import is being committed; delete it once it is done']],
  })
  @HttpCode(204)
  @Delete(':importId')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('importId', ParseIdPipe) importId: string): Promise<void> {
    return this.imports.remove(user, importId);
  }
}

/** The importer, with the messages of this answer in the language asked for (the console's, which may not be the account's). */
function inLanguage(user: AuthenticatedUser, query: ImportLanguageQueryDto): AuthenticatedUser {
  return { ...user, locale: readerOf(user, query).locale };
}
