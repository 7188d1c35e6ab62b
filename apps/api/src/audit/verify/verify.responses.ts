import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ChainProblem } from '@casetrack/event-store';
import { Count, everyValue, OneOf, Text } from '../../openapi/schema-properties';

const CHAIN_PROBLEMS = everyValue<ChainProblem>()(['version_gap', 'prev_hash_mismatch', 'hash_mismatch']);

@ApiSchema({ name: 'ChainValid', description: 'Every event of the stream is in its hash chain, unchanged' })
export class ChainValidSchema {
  @ApiProperty({ type: Boolean, enum: [true] })
  valid!: true;

  @Count()
  events!: number;

  @Text({ nullable: true, description: 'The hash of the last event (null for an empty stream)' })
  headHash!: string | null;
}

@ApiSchema({ name: 'ChainBroken', description: 'The stream was changed at or before brokenAtVersion' })
export class ChainBrokenSchema {
  @ApiProperty({ type: Boolean, enum: [false] })
  valid!: false;

  @Count({ minimum: 1 })
  brokenAtVersion!: number;

  @OneOf('ChainProblem', CHAIN_PROBLEMS)
  problem!: string;
}
