import { ApiSchema } from '@nestjs/swagger';
import { OCCURRED_AT_PRECISIONS, REMIND, TRIGGER_FACTS } from '@casetrack/domain';
import { Flag, Nested, OneOf, Text, Time } from '../../openapi/schema-properties';

@ApiSchema({ name: 'RuleNames', description: "A rule's name in each language of the console" })
export class RuleNamesSchema {
  @Text()
  en!: string;

  @Text()
  ru!: string;

  @Text()
  kk!: string;
}

@ApiSchema({ name: 'RuleSource', description: 'Where a rule comes from: the article and the official text' })
export class RuleSourceSchema {
  @Text({ description: 'The article (and part), e.g. "Criminal Procedure Code, art. 131 part 4"' })
  article!: string;

  @Text({ description: 'The code or text the article is in' })
  title!: string;

  @Text({ format: 'uri', description: 'The official text' })
  url!: string;

  @Text({
    format: 'uri',
    required: false,
    description: 'Where the figure was read, when not in the official text itself',
  })
  confirmedBy?: string;
}

@ApiSchema({
  name: 'Deadline',
  description:
    'A deadline of a rule set (RULE_SETS, rules/<id>.json) that the case has now, derived from its facts; it ' +
    'leaves when the matter is settled (a court decided on the detention, the measure was extended or ended, the ' +
    'person was released)',
})
export class DeadlineSchema {
  @Text({ description: 'The rule set, e.g. kz' })
  ruleSetId!: string;

  @Text()
  ruleSetVersion!: string;

  @Text({ description: 'The rule, e.g. kz.detention.court-decision-72h' })
  ruleId!: string;

  @OneOf('DeadlineFact', TRIGGER_FACTS, { description: 'The kind of fact it counts from' })
  fact!: string;

  @Time({ description: 'The time it counts from' })
  from!: string;

  @Time()
  dueAt!: string;

  @OneOf('OccurredAtPrecision', OCCURRED_AT_PRECISIONS, {
    description: 'How precisely dueAt is known: no better than the fact it counts from',
  })
  precision!: string;

  @OneOf('DeadlineRemind', REMIND, { description: 'Who is reminded: the assigned lawyers or the coordinators' })
  remind!: string;

  @Nested(() => RuleNamesSchema)
  name!: RuleNamesSchema;

  @Nested(() => RuleSourceSchema)
  source!: RuleSourceSchema;

  @Flag({ description: 'dueAt has passed' })
  overdue!: boolean;
}
