import { z } from 'zod';
import { REQUIRED, TOO_LONG } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

/** The spellings typed, one a line, without blanks and repeats. */
function spellings(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()))].filter((line) => line !== '');
}

const schema = z.object({
  variants: z
    .string()
    .refine((v) => spellings(v).length > 0, { message: REQUIRED })
    .refine((v) => spellings(v).length <= 20 && spellings(v).every((s) => s.length <= 200), { message: TOO_LONG }),
});
type Values = z.infer<typeof schema>;

/** More spellings of the person's name (transliterations, Cyrillic, a family nickname): search and duplicates use them. */
export const nameVariantsForm = defineWriteForm({
  id: 'nameVariants',
  path: '/v1/cases/{caseId}/name-variants',
  schema,
  initial: { variants: '' } satisfies Values,
  fields: [
    {
      name: 'variants',
      kind: 'textarea',
      label: 'console.field.variants',
      description: 'console.field.variantsHint',
      required: true,
    },
  ],
  toBody: (v: Values) => ({ variants: spellings(v.variants) }),
});
