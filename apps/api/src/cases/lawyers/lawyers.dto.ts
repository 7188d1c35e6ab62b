import { IsIn, IsOptional } from 'class-validator';
import { LAWYER_ROLES, type LawyerRole } from '@casetrack/domain';
import { FactDto } from '../shared/fact.dto';
import { IsId, Text } from '../shared/validators';

export class AssignLawyerDto extends FactDto {
  @IsId()
  lawyerId!: string;

  @IsIn(LAWYER_ROLES)
  role!: LawyerRole;
}

export class UnassignLawyerDto extends FactDto {
  @IsOptional()
  @Text(2000)
  reason?: string;
}
