import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CASE_STATUSES, DEATH_CAUSES, DEATH_CIRCUMSTANCES, PUBLIC_ROLES, TORTURE_METHODS } from '@casetrack/domain';
import { Count, ListOf, Nested, OneOf, Text } from '../../openapi/schema-properties';

@ApiSchema({ name: 'CityCount', description: 'Cases whose city is not known are counted under no city' })
export class CityCountSchema {
  @Text()
  city!: string;

  @Count()
  count!: number;
}

@ApiSchema({
  name: 'ArticleCount',
  description: 'Cases with an active charge under the article; a charge whose article is unknown counts under none',
})
export class ArticleCountSchema {
  @Text()
  article!: string;

  @Text({ nullable: true, description: 'The title most often recorded with the article; null when none was' })
  title!: string | null;

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

  @Text({ nullable: true, description: 'Null when only the name is known' })
  code!: string | null;

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

@ApiSchema({
  name: 'TortureMethodCount',
  description: 'Cases in which the method is alleged (once per case, whatever the number of allegations naming it)',
})
export class TortureMethodCountSchema {
  @OneOf('TortureMethod', TORTURE_METHODS)
  method!: string;

  @Count()
  count!: number;
}

@ApiSchema({
  name: 'DeathCircumstanceCount',
  description: 'Deaths by circumstances; `unknown` circumstances are counted only in `deaths`',
})
export class DeathCircumstanceCountSchema {
  @OneOf('DeathCircumstances', DEATH_CIRCUMSTANCES, { description: 'Never `unknown`' })
  circumstances!: string;

  @Count()
  count!: number;
}

@ApiSchema({
  name: 'DeathCauseCount',
  description: 'Deaths by each cause recorded (one death may have several); none recorded or `unknown`: no cause',
})
export class DeathCauseCountSchema {
  @OneOf('DeathCause', DEATH_CAUSES, { description: 'Never `unknown`' })
  cause!: string;

  @Count()
  count!: number;
}

@ApiSchema({
  name: 'HearingStats',
  description:
    'Hearings held in the cases counted. The median is over those whose duration was recorded; each share over ' +
    'those where it was recorded whether the defendant was heard (the lawyer present); null when none was',
})
export class HearingStatsSchema {
  @Count()
  held!: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 0 })
  medianDurationMinutes!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'From 0 to 1' })
  defendantHeardShare!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: 'From 0 to 1' })
  lawyerPresentShare!: number | null;
}

@ApiSchema({ name: 'ComplaintCounts', description: 'Complaints of the cases counted' })
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

@ApiSchema({
  name: 'Stats',
  description:
    'Counts over the cases the caller may see and the filters select (merged duplicates never); no names, no case text',
})
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

  @ListOf(() => TortureMethodCountSchema)
  byTortureMethod!: TortureMethodCountSchema[];

  @ListOf(() => DeathCircumstanceCountSchema)
  deathsByCircumstance!: DeathCircumstanceCountSchema[];

  @ListOf(() => DeathCauseCountSchema)
  deathsByCause!: DeathCauseCountSchema[];

  @Count({ description: 'Torture allegations recorded (not retracted), across the cases' })
  tortureAllegations!: number;

  @Nested(() => ComplaintCountsSchema)
  complaints!: ComplaintCountsSchema;

  @Count({ description: 'Cases in which a death is recorded' })
  deaths!: number;

  @Nested(() => HearingStatsSchema)
  hearings!: HearingStatsSchema;
}
