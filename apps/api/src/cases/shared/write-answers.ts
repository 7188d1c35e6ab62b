import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** What every write answers (the contract's `{caseId, version, position}`); routes that create a thing add its id. */
@ApiSchema({ name: 'WriteAnswer' })
export class WriteAnswerSchema {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The case stream’s version after the write (its first event is 1); the ETag carries it too',
  })
  version!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The global position of the last event written: send it as X-Min-Position to read this write',
  })
  position!: number;
}

@ApiSchema({ name: 'ChargeBroughtAnswer' })
export class ChargeBroughtAnswerSchema extends WriteAnswerSchema {
  @ApiProperty({ format: 'uuid' })
  chargeId!: string;
}

@ApiSchema({ name: 'HearingScheduledAnswer' })
export class HearingScheduledAnswerSchema extends WriteAnswerSchema {
  @ApiProperty({ format: 'uuid' })
  hearingId!: string;
}

@ApiSchema({ name: 'AllegationRecordedAnswer' })
export class AllegationRecordedAnswerSchema extends WriteAnswerSchema {
  @ApiProperty({ format: 'uuid' })
  allegationId!: string;
}

@ApiSchema({ name: 'ComplaintFiledAnswer' })
export class ComplaintFiledAnswerSchema extends WriteAnswerSchema {
  @ApiProperty({ format: 'uuid' })
  complaintId!: string;
}

@ApiSchema({ name: 'PossibleDuplicate', description: 'A case that may be about the same person' })
export class PossibleDuplicateSchema {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty()
  city!: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'How alike the closest pair of spellings is' })
  score!: number;
}

@ApiSchema({ name: 'CaseOpenedAnswer' })
export class CaseOpenedAnswerSchema extends WriteAnswerSchema {
  @ApiProperty({
    type: [PossibleDuplicateSchema],
    description: 'Cases the caller may see that may be about the same person, most alike first',
  })
  possibleDuplicates!: PossibleDuplicateSchema[];
}
