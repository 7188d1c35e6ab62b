import { z } from 'zod';
import {
  recordTortureAllegationDtoConsentValues as CONSENTS,
  recordTortureAllegationDtoMethodsValues as METHODS,
} from '../../../../api/schema';
import { whenToBody } from '../../../../shared/occurred-at';
import { calendarDay, choiceOf, given, optionalText, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z
  .object({
    periodFrom: calendarDay(false),
    periodTo: calendarDay(true),
    facility: optionalText(300),
    methods: z.array(z.enum(METHODS)),
    perpetrators: optionalText(10000),
    injuries: optionalText(10000),
    witnesses: optionalText(10000),
    account: optionalText(50000),
    evidenceKind: optionalText(200),
    evidenceReference: optionalText(2000),
    evidenceSha256: z
      .string()
      .trim()
      .regex(/^([0-9a-fA-F]{64})?$/, { message: 'console.validation.sha256' }),
    consent: choiceOf(CONSENTS),
  })
  // One piece of evidence needs both what it is and where it is kept.
  .refine((v) => (v.evidenceKind.trim() === '') === (v.evidenceReference.trim() === ''), {
    path: ['evidenceReference'],
    message: REQUIRED,
  });
type Values = z.infer<typeof schema>;

/** The period is given by days (the victim rarely knows hours), each read in the person's time zone. */
function dayStart(day: string, timeZone: string): string {
  return whenToBody({ occurredAtPrecision: 'day', occurredAt: day }, timeZone).occurredAt ?? day;
}

/**
 * An allegation of torture. Consent defaults to internal_only (the contract's default): testimony is shared further
 * only when the person chose so.
 */
export const tortureAllegationForm = defineWriteForm({
  id: 'tortureAllegation',
  path: '/v1/cases/{caseId}/torture-allegations',
  schema,
  initial: {
    periodFrom: '',
    periodTo: '',
    facility: '',
    methods: [],
    perpetrators: '',
    injuries: '',
    witnesses: '',
    account: '',
    evidenceKind: '',
    evidenceReference: '',
    evidenceSha256: '',
    consent: 'internal_only',
  } satisfies Values,
  fields: [
    { name: 'periodFrom', kind: 'date', label: 'console.field.periodFrom', required: true },
    { name: 'periodTo', kind: 'date', label: 'console.field.periodTo' },
    { name: 'facility', kind: 'text', label: 'console.field.allegationFacility' },
    {
      name: 'methods',
      kind: 'multiselect',
      label: 'console.field.methods',
      description: 'console.field.methodsHint',
      vocabulary: { labels: 'vocabulary.tortureMethod', values: METHODS },
    },
    { name: 'perpetrators', kind: 'textarea', label: 'console.field.perpetrators' },
    { name: 'injuries', kind: 'textarea', label: 'console.field.injuries' },
    { name: 'witnesses', kind: 'textarea', label: 'console.field.witnesses' },
    { name: 'account', kind: 'textarea', label: 'console.field.account', description: 'console.field.accountHint' },
    { name: 'evidenceKind', kind: 'text', label: 'console.field.evidenceKind', apiField: 'evidence.0.kind' },
    {
      name: 'evidenceReference',
      kind: 'text',
      label: 'console.field.evidenceReference',
      apiField: 'evidence.0.reference',
    },
    { name: 'evidenceSha256', kind: 'text', label: 'console.field.evidenceSha256', apiField: 'evidence.0.sha256' },
    {
      name: 'consent',
      kind: 'select',
      label: 'console.field.consent',
      required: true,
      description: 'console.field.consentHint',
      vocabulary: { labels: 'vocabulary.consent', values: CONSENTS },
    },
  ],
  toBody: (v: Values, timeZone: string) => ({
    periodFrom: dayStart(v.periodFrom, timeZone),
    periodTo: v.periodTo === '' ? undefined : dayStart(v.periodTo, timeZone),
    facility: given(v.facility),
    methods: v.methods,
    perpetrators: given(v.perpetrators),
    injuries: given(v.injuries),
    witnesses: given(v.witnesses),
    account: given(v.account),
    evidence:
      v.evidenceKind.trim() === ''
        ? undefined
        : [{ kind: v.evidenceKind.trim(), reference: v.evidenceReference.trim(), sha256: given(v.evidenceSha256) }],
    consent: v.consent === '' ? 'internal_only' : v.consent,
  }),
});
