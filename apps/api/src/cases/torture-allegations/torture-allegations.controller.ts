import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { AllegationRecordedAnswerSchema } from '../shared/write-answers';
import { fields, utc } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { RecordTortureAllegationDto } from './torture-allegations.dto';

/** What the person says was done to them; complaints about it are filed separately (complaints/). */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId/torture-allegations')
export class TortureAllegationsController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'recordTortureAllegation',
    summary: 'Record what the person says was done to them, with the consent they gave',
    answer: AllegationRecordedAnswerSchema,
  })
  @Post()
  record(@CaseTarget() target: CaseWriteTarget, @Body() body: RecordTortureAllegationDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: (ids) => ({
        type: 'RecordTortureAllegation',
        allegationId: ids.id('allegation'),
        ...fields(
          { ...body, periodFrom: utc(body.periodFrom), periodTo: utc(body.periodTo) },
          'periodFrom',
          'periodTo',
          'facility',
          'perpetrators',
          'injuries',
          'witnesses',
          'account',
        ),
        // Unknown consent is the narrowest: nothing leaves the organisation until the victim says otherwise.
        consent: body.consent ?? 'internal_only',
        methods: [...new Set(body.methods ?? [])],
        evidence: (body.evidence ?? []).map((item) => fields(item, 'kind', 'reference', 'sha256')),
      }),
      answer: (command) => ({ allegationId: command.allegationId }),
    });
  }
}
