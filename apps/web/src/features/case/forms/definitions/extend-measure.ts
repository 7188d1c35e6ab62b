import { z } from 'zod';
import { extendPreventiveMeasureDtoMeasureValues as MEASURES } from '../../../../api/schema';
import { calendarDay, optionalChoiceOf } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { dayToBody, decidingHearingChoices } from './case-choices';

const schema = z.object({
  until: calendarDay(false),
  hearingId: z.string(),
  measure: optionalChoiceOf(MEASURES),
});
type Values = z.infer<typeof schema>;

/**
 * The measure in force is extended to a later day. Which measure is asked only for when none is recorded in force:
 * the extension is then its first news.
 */
export const extendMeasureForm = defineWriteForm({
  id: 'extendMeasure',
  path: '/v1/cases/{caseId}/preventive-measures/extend',
  schema,
  initial: { until: '', hearingId: '', measure: '' } satisfies Values,
  fields: [
    {
      name: 'until',
      kind: 'date',
      label: 'console.field.extendedUntil',
      required: true,
      description: 'console.field.untilHint',
    },
    { name: 'hearingId', kind: 'select', label: 'console.field.decidingHearing', choices: decidingHearingChoices },
    {
      name: 'measure',
      kind: 'select',
      label: 'console.field.extendedMeasure',
      description: 'console.field.extendedMeasureHint',
      vocabulary: { labels: 'vocabulary.measure', values: MEASURES },
    },
  ],
  toBody: (v: Values, timeZone: string) => ({
    until: dayToBody(v.until, timeZone) ?? v.until,
    hearingId: v.hearingId === '' ? undefined : v.hearingId,
    measure: v.measure === '' ? undefined : v.measure,
  }),
});
