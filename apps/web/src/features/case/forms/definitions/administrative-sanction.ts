import { z } from 'zod';
import { imposeAdministrativeSanctionDtoKindValues as KINDS } from '../../../../api/schema';
import { choiceOf, NOT_NUMBER, optionalWholeNumber } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  kind: choiceOf(KINDS),
  days: optionalWholeNumber(365).refine((v) => v === '' || Number(v) >= 1, { message: NOT_NUMBER }),
  // An amount with at most two decimals, as the API takes it; a comma is read as the decimal point.
  amount: z
    .string()
    .trim()
    .regex(/^(\d{1,13}([.,]\d{1,2})?)?$/, { message: NOT_NUMBER }),
  currency: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{3})?$/, { message: 'console.validation.currency' }),
});
type Values = z.infer<typeof schema>;

/**
 * An administrative sanction: an arrest of so many days (its end is then expected and watched), a fine, a warning.
 * Days, amount and currency are each optional: what is not known is not sent.
 */
export const administrativeSanctionForm = defineWriteForm({
  id: 'administrativeSanction',
  path: '/v1/cases/{caseId}/administrative-sanctions',
  schema,
  initial: { kind: '', days: '', amount: '', currency: '' } satisfies Values,
  fields: [
    {
      name: 'kind',
      kind: 'select',
      label: 'console.field.sanctionKind',
      required: true,
      vocabulary: { labels: 'vocabulary.sanctionKind', values: KINDS },
    },
    { name: 'days', kind: 'number', label: 'console.field.days', description: 'console.field.daysHint' },
    { name: 'amount', kind: 'text', label: 'console.field.amount', description: 'console.field.amountHint' },
    { name: 'currency', kind: 'text', label: 'console.field.currency', description: 'console.field.currencyHint' },
  ],
  toBody: (v: Values) => ({
    kind: v.kind === '' ? 'warning' : v.kind,
    days: v.days === '' ? undefined : Number(v.days),
    amount: v.amount === '' ? undefined : Number(v.amount.replace(',', '.')),
    currency: v.currency === '' ? undefined : v.currency.toUpperCase(),
  }),
});
