import { z } from 'zod';
import { recordDetentionDtoAuthorityValues as AUTHORITIES } from '../../../../api/schema';
import { choiceOf, given, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  authority: choiceOf(AUTHORITIES),
  city: optionalText(100),
  place: optionalText(500),
  circumstances: optionalText(10000),
  injuries: optionalText(10000),
});
type Values = z.infer<typeof schema>;

/** Who detained the person, where (city and place are often not known at first), and what was seen. */
export const detentionForm = defineWriteForm({
  id: 'detention',
  path: '/v1/cases/{caseId}/detention',
  schema,
  initial: { authority: '', city: '', place: '', circumstances: '', injuries: '' } satisfies Values,
  fields: [
    {
      name: 'authority',
      kind: 'select',
      label: 'console.field.authority',
      required: true,
      vocabulary: { labels: 'vocabulary.authority', values: AUTHORITIES },
    },
    { name: 'city', kind: 'text', label: 'console.field.city' },
    { name: 'place', kind: 'text', label: 'console.field.place', description: 'console.field.placeHint' },
    { name: 'circumstances', kind: 'textarea', label: 'console.field.circumstances' },
    { name: 'injuries', kind: 'textarea', label: 'console.field.injuries' },
  ],
  toBody: (v: Values) => ({
    authority: v.authority === '' ? 'unknown' : v.authority,
    city: given(v.city),
    place: given(v.place),
    circumstances: given(v.circumstances),
    injuries: given(v.injuries),
  }),
});
