import { z } from 'zod';
import { facilityDtoKindValues as KINDS } from '../../../../api/schema';
import { choiceOf, given, optionalText, REQUIRED, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z
  .object({
    facilityKind: choiceOf(KINDS),
    facilityName: optionalText(300),
    facilityCode: optionalText(100),
    facilityCity: requiredText(100),
  })
  // A facility is known by its code or its name: one of them is needed.
  .refine((v) => v.facilityName.trim() !== '' || v.facilityCode.trim() !== '', {
    path: ['facilityName'],
    message: REQUIRED,
  });
type Values = z.infer<typeof schema>;

export const transferForm = defineWriteForm({
  id: 'transfer',
  path: '/v1/cases/{caseId}/transfers',
  schema,
  initial: { facilityKind: '', facilityName: '', facilityCode: '', facilityCity: '' } satisfies Values,
  fields: [
    {
      name: 'facilityKind',
      kind: 'select',
      label: 'console.field.facilityKind',
      required: true,
      vocabulary: { labels: 'vocabulary.facilityKind', values: KINDS },
      apiField: 'facility.kind',
    },
    {
      name: 'facilityName',
      kind: 'text',
      label: 'console.field.facilityName',
      description: 'console.field.facilityNameHint',
      apiField: 'facility.name',
    },
    { name: 'facilityCode', kind: 'text', label: 'console.field.facilityCode', apiField: 'facility.code' },
    { name: 'facilityCity', kind: 'text', label: 'console.field.city', required: true, apiField: 'facility.city' },
  ],
  toBody: (v: Values) => ({
    facility: {
      kind: v.facilityKind === '' ? 'other' : v.facilityKind,
      name: given(v.facilityName),
      code: given(v.facilityCode),
      city: v.facilityCity.trim(),
    },
  }),
});
