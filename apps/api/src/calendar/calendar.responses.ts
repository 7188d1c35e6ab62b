import { ApiSchema } from '@nestjs/swagger';
import { Text } from '../openapi/schema-properties';

@ApiSchema({ name: 'CalendarFeed', description: 'A secret calendar URL, shown this once' })
export class CalendarFeedSchema {
  @Text({
    format: 'uri',
    description: 'Subscribe to it in a calendar application; anyone who has it reads the hearings, so keep it secret',
  })
  url!: string;
}
