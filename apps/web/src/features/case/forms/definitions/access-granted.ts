import { z } from 'zod';
import { recordAccessGrantedDtoWhoValues as WHO } from '../../../../api/schema';
import { choiceOf } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({ who: choiceOf(WHO) });
type Values = z.infer<typeof schema>;

/** Access is granted again: it ends the open denial for the same people. */
export const accessGrantedForm = defineWriteForm({
  id: 'accessGranted',
  path: '/v1/cases/{caseId}/access-granted',
  schema,
  initial: { who: '' } satisfies Values,
  fields: [
    {
      name: 'who',
      kind: 'select',
      label: 'console.field.accessGrantedTo',
      required: true,
      vocabulary: { labels: 'vocabulary.accessDeniedTo', values: WHO },
    },
  ],
  toBody: (v: Values) => ({ who: v.who === '' ? 'lawyer' : v.who }),
});
