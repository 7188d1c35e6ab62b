import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UsersService } from '@casetrack/auth';
import { ParseIdPipe } from '../shared/case-id.pipe';
import { CaseWriteController } from '../shared/case-write-controller';
import { CaseWriteRoute } from '../shared/case-write-route';
import { fields } from '../shared/fields';
import { type CaseWriteTarget, CaseTarget } from '../shared/write-request';
import { CaseWriter } from '../write/case-writer';
import type { WriteOutcome } from '../write/write-outcome';
import { AssignLawyerDto, UnassignLawyerDto } from './lawyers.dto';

@ApiTags('cases')
@CaseWriteController()
@Controller('v1/cases/:caseId/lawyers')
export class LawyersController {
  constructor(
    private readonly writer: CaseWriter,
    private readonly users: UsersService,
  ) {}

  @CaseWriteRoute({ operationId: 'assignLawyer', summary: 'Assign a lawyer to the case, as lead or support' })
  @Post()
  assign(@CaseTarget() target: CaseWriteTarget, @Body() body: AssignLawyerDto): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: async () => {
        const assignee = await this.users.findById(body.lawyerId);
        return {
          type: 'AssignLawyer',
          ...fields(body, 'lawyerId', 'role'),
          assigneeIsLawyer: assignee !== null && assignee.role === 'lawyer' && assignee.disabledAt === null,
        };
      },
    });
  }

  @CaseWriteRoute({ operationId: 'unassignLawyer', summary: 'Take a lawyer off the case', itemIds: ['lawyerId'] })
  @Post(':lawyerId/unassign')
  unassign(
    @CaseTarget() target: CaseWriteTarget,
    @Param('lawyerId', ParseIdPipe) lawyerId: string,
    @Body() body: UnassignLawyerDto,
  ): Promise<WriteOutcome> {
    return this.writer.write({
      ...target,
      body,
      command: () => ({ type: 'UnassignLawyer', lawyerId, ...fields(body, 'reason') }),
    });
  }
}
