import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '@casetrack/auth';
import { ParseIdPipe } from '../../cases/shared/case-id.pipe';
import { LogsCaseAccess } from '../../access-log/logs-case-access';
import { CONSENT_IN_DOSSIER } from '../../common/consent-docs';
import { ApiRoute } from '../../openapi/api-route';
import { AuditRead } from '../shared/audit-read.decorator';
import { DossierQueryDto } from './dossier.dto';
import { DossierSchema } from './dossier.responses';
import { localeOr } from '@casetrack/i18n';
import { GetDossier, type VerifiedDossier } from './get-dossier.query';
import { renderDossierPdf } from './pdf/dossier-pdf';

@AuditRead()
@Controller('v1/cases/:caseId')
export class DossierController {
  constructor(private readonly queries: QueryBus) {}

  @ApiRoute({
    operationId: 'getDossier',
    summary: 'The case dossier for a court or a UN body, as JSON or PDF, with its verification',
    // The PDF is written in `lang` and prints every time in `tz` (both default to the reader's account).
    description: CONSENT_IN_DOSSIER,
    ids: ['caseId'],
    answer: {
      description: 'The dossier: JSON (format=json, the default) or a PDF to download (format=pdf)',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(DossierSchema) } },
        'application/pdf': { schema: { type: 'string', format: 'binary' } },
      },
      headers: {
        'Content-Disposition': {
          description: 'For the PDF: attachment; filename="dossier-<caseId>.pdf"',
          schema: { type: 'string' },
        },
      },
    },
    models: [DossierSchema],
    errors: [[403, 'FORBIDDEN: includeInternal=true by anyone but a coordinator, or a role that reads no cases'], 404],
  })
  @LogsCaseAccess('dossier')
  @Get('dossier')
  async dossier(
    @CurrentUser() user: AuthenticatedUser,
    @Param('caseId', ParseIdPipe) caseId: string,
    @Query() query: DossierQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VerifiedDossier | StreamableFile> {
    const language = query.lang ?? localeOr(user.locale);
    const timeZone = query.tz ?? user.timeZone;
    const dossier = await this.queries.execute(
      new GetDossier(caseId, user, query.includeInternal ?? false, language, timeZone),
    );
    if ((query.format ?? 'json') === 'json') return dossier;
    const pdf = await renderDossierPdf({
      dossier,
      reading: {
        locale: language,
        timeZone,
        people: new Map([...dossier.people, dossier.issuedBy].map((p) => [p.id, p])),
      },
    });
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `attachment; filename="dossier-${caseId}.pdf"`);
    return new StreamableFile(pdf);
  }
}
