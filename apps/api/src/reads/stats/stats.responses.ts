import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CASE_STATUSES, PUBLIC_ROLES } from '@casetrack/domain';
import { Count, ListOf, Nested, OneOf, Text } from '../../openapi/schema-properties';

@ApiSchema({ name: 'CityCount', description: 'Cases whose city is not known are counted under no city' })
export class CityCountSchema {
  @Text()
  city!: string;

  @Count()
  count!: number;
}

@ApiSchema({ name: 'ArticleCount', description: 'Cases with an active charge under the article' })
export class ArticleCountSchema {
  @Text()
  article!: string;

  @Count()
  count!: number;
}

@ApiSchema({
  name: 'FacilityCount',
  description: 'Cases whose current facility it is; a facility is its city, code and name together',
})
export class FacilityCountSchema {
  @Text({ description: 'The facility’s code, or its name when it has none' })
  facility!: string;

  @Text({ nullable: true, description: 'Null when only the code is known' })
  name!: string | null;

  @Text()
  city!: string;

  @Count()
  count!: number;
}

@ApiSchema({ name: 'PublicRoleCount', description: 'Cases of people publicly known in the role' })
export class PublicRoleCountSchema {
  @OneOf('PublicRole', PUBLIC_ROLES)
  publicRole!: string;

  @Count()
  count!: number;
}

@ApiSchema({ name: 'ComplaintCounts' })
export class ComplaintCountsSchema {
  @Count()
  filed!: number;

  @Count()
  investigationOpened!: number;

  @Count()
  refused!: number;

  @Count()
  awaiting!: number;

  @Count()
  overdue!: number;
}

@ApiSchema({ name: 'Stats', description: 'Counts over the cases the caller may see; no names, no case text' })
export class StatsSchema {
  @ApiProperty({
    type: 'object',
    description: 'Every status, zero included',
    properties: Object.fromEntries(CASE_STATUSES.map((status) => [status, { type: 'integer', minimum: 0 }])),
    required: [...CASE_STATUSES],
  })
  byStatus!: Record<string, number>;

  @ListOf(() => CityCountSchema)
  byCity!: CityCountSchema[];

  @ListOf(() => ArticleCountSchema)
  byArticle!: ArticleCountSchema[];

  @ListOf(() => FacilityCountSchema)
  byFacility!: FacilityCountSchema[];

  @ListOf(() => PublicRoleCountSchema)
  byPublicRole!: PublicRoleCountSchema[];

  @Count({ description: 'Torture allegations recorded (not retracted), across the cases' })
  tortureAllegations!: number;

  @Nested(() => ComplaintCountsSchema)
  complaints!: ComplaintCountsSchema;

  @Count({ description: 'Cases in which a death is recorded' })
  deaths!: number;
}
