import { FactDto } from './fact.dto';
import { Text } from './validators';

/** A write whose only content is why it was done (close, reopen, cancel...). */
export class ReasonDto extends FactDto {
  @Text(2000)
  reason!: string;
}
