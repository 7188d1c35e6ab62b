import { z } from 'zod';
import {
  recordDeathDtoCausesValues as CAUSES,
  recordDeathDtoCircumstancesValues as CIRCUMSTANCES,
} from '../../../../api/schema';
import {
  choiceOf,
  given,
  optionalChoiceOf,
  optionalText,
  TRISTATE,
  tristateToBody,
} from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  circumstances: choiceOf(CIRCUMSTANCES),
  causes: z.array(z.enum(CAUSES)),
  // Yes, no, or not known: a body not known to be released is not a body kept.
  bodyReleased: optionalChoiceOf(TRISTATE),
  details: optionalText(10000),
});
type Values = z.infer<typeof schema>;

/** The person died: in what circumstances, of what causes as far as they are known, whether the body was released. */
export const deathForm = defineWriteForm({
  id: 'death',
  path: '/v1/cases/{caseId}/death',
  schema,
  initial: { circumstances: '', causes: [], bodyReleased: '', details: '' } satisfies Values,
  availableFor: (detail) => detail.death === null,
  fields: [
    {
      name: 'circumstances',
      kind: 'select',
      label: 'console.field.deathCircumstances',
      required: true,
      vocabulary: { labels: 'vocabulary.deathCircumstances', values: CIRCUMSTANCES },
    },
    {
      name: 'causes',
      kind: 'multiselect',
      label: 'console.field.deathCauses',
      description: 'console.field.deathCausesHint',
      vocabulary: { labels: 'vocabulary.deathCause', values: CAUSES },
    },
    {
      name: 'bodyReleased',
      kind: 'select',
      label: 'console.field.bodyReleased',
      vocabulary: { labels: 'console.answer', values: TRISTATE },
    },
    { name: 'details', kind: 'textarea', label: 'console.field.details' },
  ],
  toBody: (v: Values) => ({
    circumstances: v.circumstances === '' ? 'unknown' : v.circumstances,
    causes: v.causes.length === 0 ? undefined : v.causes,
    bodyReleased: tristateToBody(v.bodyReleased),
    details: given(v.details),
  }),
});
