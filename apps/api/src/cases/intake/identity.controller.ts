import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { addNameVariantsCommand } from './intake.commands';
import { AddNameVariantsDto, CorrectIdentityDto } from './intake.dto';

/** Who the person is grows after intake: corrections, completions, and more spellings of the name. */
@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId')
export class IdentityController {
  constructor(private readonly writer: CaseWriter) {}

  @CaseWriteRoute({
    operationId: 'correctIdentity',
    summary: 'Correct or complete who the person is',
    description:
      'The values given replace those known before (lists are replaced whole); the earlier values stay in the ' +
      'timeline and the history. A corrected full name keeps the former one as a spelling search still finds.',
  })
  @Post('identity')
  correct(@CaseTarget() target: CaseWriteTarget, @Body() body: CorrectIdentityDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({
        type: 'CorrectIdentity',
        ...fields(body, 'fullName', 'birthDate', 'birthYear', 'sex', 'city', 'occupation'),
        ...fields(body, 'publicRoles', 'vulnerabilities'),
      }),
    });
  }

  @CaseWriteRoute({
    operationId: 'addNameVariants',
    summary: 'Add spellings of the person name that search and duplicate detection use',
  })
  @Post('name-variants')
  addVariants(@CaseTarget() target: CaseWriteTarget, @Body() body: AddNameVariantsDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => addNameVariantsCommand(body),
    });
  }
}
