import { z } from 'zod';
import { recordAccessDenialDtoWhoValues as WHO } from '../../../../api/schema';
import { choiceOf, given, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  who: choiceOf(WHO),
  by: optionalText(300),
  details: optionalText(10000),
});
type Values = z.infer<typeof schema>;

/** A lawyer, the relatives or a doctor were refused access to the person; the denial lasts until access is granted. */
export const accessDeniedForm = defineWriteForm({
  id: 'accessDenied',
  path: '/v1/cases/{caseId}/access-denials',
  schema,
  initial: { who: '', by: '', details: '' } satisfies Values,
  fields: [
    {
      name: 'who',
      kind: 'select',
      label: 'console.field.accessDeniedTo',
      required: true,
      vocabulary: { labels: 'vocabulary.accessDeniedTo', values: WHO },
    },
    { name: 'by', kind: 'text', label: 'console.field.deniedBy', description: 'console.field.deniedByHint' },
    { name: 'details', kind: 'textarea', label: 'console.field.details' },
  ],
  toBody: (v: Values) => ({
    who: v.who === '' ? 'lawyer' : v.who,
    by: given(v.by),
    details: given(v.details),
  }),
});
