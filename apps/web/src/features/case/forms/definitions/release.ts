import { z } from 'zod';
import { releaseDtoGroundsValues as GROUNDS } from '../../../../api/schema';
import { given, optionalChoiceOf, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  grounds: optionalChoiceOf(GROUNDS),
  note: optionalText(2000),
});
type Values = z.infer<typeof schema>;

/** The person is free. The grounds are often not known at first: left empty, none is sent (never a made-up one). */
export const releaseForm = defineWriteForm({
  id: 'release',
  path: '/v1/cases/{caseId}/release',
  schema,
  initial: { grounds: '', note: '' } satisfies Values,
  fields: [
    {
      name: 'grounds',
      kind: 'select',
      label: 'console.field.releaseGrounds',
      vocabulary: { labels: 'vocabulary.releaseGrounds', values: GROUNDS },
    },
    { name: 'note', kind: 'textarea', label: 'console.field.note' },
  ],
  toBody: (v: Values) => ({
    grounds: v.grounds === '' ? undefined : v.grounds,
    note: given(v.note),
  }),
});
