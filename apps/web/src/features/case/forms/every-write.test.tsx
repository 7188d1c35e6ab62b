import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MESSAGES, renderWithConsole, translator } from '../../../../test/render';
import type { CaseDetail, WriteBody, WritePath } from '../../../api/types';
import { fakeApi, fullCase, IDS } from '../../../../test/write-fixtures';
import { WRITE_FORMS } from '.';
import type { AnyWriteForm, FieldSpec, FormValues } from './registry';
import { WriteForm } from './WriteForm';

/**
 * Every property of a write body, nested objects and arrays of objects included, as the generated types of the
 * OpenAPI document say. `Required` makes each one mandatory in CONTRACT below, so a field the API gains fails to
 * compile here until it is listed, and then fails the test until a form sends it.
 */
type Shape<B> = { readonly [K in keyof B]-?: Leaf<NonNullable<B[K]>> };
type Leaf<T> = T extends readonly (infer E)[]
  ? E extends object
    ? Shape<E>
    : true
  : T extends object
    ? Shape<T>
    : true;
type Contract = { readonly [P in WritePath]: Shape<WriteBody<P>> };

const WHEN = { occurredAt: true, occurredAtPrecision: true } as const;
const CONTRACT: Contract = {
  '/v1/cases': {
    ...WHEN,
    detainee: {
      fullName: true,
      nameVariants: true,
      birthDate: true,
      sex: true,
      city: true,
      vulnerabilities: true,
    },
    source: { kind: true, reference: true },
  },
  '/v1/cases/{caseId}/identity': {
    ...WHEN,
    fullName: true,
    birthDate: true,
    birthYear: true,
    sex: true,
    city: true,
    occupation: true,
    publicRoles: true,
    vulnerabilities: true,
  },
  '/v1/cases/{caseId}/name-variants': { ...WHEN, variants: true },
  '/v1/cases/{caseId}/lawyers': { ...WHEN, lawyerId: true, role: true },
  '/v1/cases/{caseId}/lawyers/{lawyerId}/unassign': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/detention': {
    ...WHEN,
    city: true,
    place: true,
    authority: true,
    circumstances: true,
    injuries: true,
  },
  '/v1/cases/{caseId}/whereabouts-unknown': { ...WHEN, reportedBy: true },
  '/v1/cases/{caseId}/transfers': { ...WHEN, facility: { code: true, name: true, city: true, kind: true } },
  '/v1/cases/{caseId}/release-to-house-arrest': { ...WHEN, until: true, address: true, conditions: true },
  '/v1/cases/{caseId}/release': { ...WHEN, grounds: true, note: true },
  '/v1/cases/{caseId}/access-denials': { ...WHEN, who: true, by: true, details: true },
  '/v1/cases/{caseId}/access-granted': { ...WHEN, who: true },
  '/v1/cases/{caseId}/medical': { ...WHEN, kind: true, details: true },
  '/v1/cases/{caseId}/death': { ...WHEN, circumstances: true, causes: true, bodyReleased: true, details: true },
  '/v1/cases/{caseId}/charges': { ...WHEN, code: true, article: true, part: true, title: true },
  '/v1/cases/{caseId}/charges/{chargeId}/requalify': { ...WHEN, article: true, part: true, title: true },
  '/v1/cases/{caseId}/charges/{chargeId}/drop': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/administrative-sanctions': { ...WHEN, kind: true, days: true, amount: true, currency: true },
  '/v1/cases/{caseId}/verdict': { ...WHEN, outcome: true, sentence: { kind: true, months: true } },
  '/v1/cases/{caseId}/hearings': {
    ...WHEN,
    kind: true,
    court: true,
    judge: true,
    scheduledAt: true,
    scheduledAtPrecision: true,
    location: true,
  },
  '/v1/cases/{caseId}/hearings/{hearingId}/reschedule': {
    ...WHEN,
    scheduledAt: true,
    scheduledAtPrecision: true,
    reason: true,
  },
  '/v1/cases/{caseId}/hearings/{hearingId}/cancel': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/hearings/{hearingId}/outcome': {
    ...WHEN,
    outcome: true,
    durationMinutes: true,
    defendantHeard: true,
    lawyerPresent: true,
    notes: true,
  },
  '/v1/cases/{caseId}/hearings/{hearingId}/decision': {
    ...WHEN,
    durationMinutes: true,
    defendantHeard: true,
    lawyerPresent: true,
    notes: true,
    decision: { kind: true, until: true, grounds: true, scheduledAt: true, days: true, amount: true, currency: true },
  },
  '/v1/cases/{caseId}/preventive-measures': { ...WHEN, measure: true, until: true, hearingId: true },
  '/v1/cases/{caseId}/preventive-measures/extend': { ...WHEN, measure: true, until: true, hearingId: true },
  '/v1/cases/{caseId}/torture-allegations': {
    ...WHEN,
    periodFrom: true,
    periodTo: true,
    facility: true,
    methods: true,
    perpetrators: true,
    injuries: true,
    witnesses: true,
    account: true,
    evidence: { kind: true, reference: true, sha256: true },
    consent: true,
  },
  '/v1/cases/{caseId}/complaints': {
    ...WHEN,
    allegationId: true,
    filedWith: true,
    reference: true,
    responseDueAt: true,
  },
  '/v1/cases/{caseId}/complaints/{complaintId}/response': { ...WHEN, outcome: true, reference: true, note: true },
  '/v1/cases/{caseId}/complaints/{complaintId}/pressure': { ...WHEN, by: true, details: true },
  '/v1/cases/{caseId}/complaints/{complaintId}/withdraw': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/pressure': { ...WHEN, by: true, details: true, kind: true },
  '/v1/cases/{caseId}/notes': { ...WHEN, text: true },
  '/v1/cases/{caseId}/retractions': { ...WHEN, eventId: true, reason: true },
  '/v1/cases/{caseId}/links': { ...WHEN, caseId: true, relation: true, note: true },
  '/v1/cases/{caseId}/close': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/erase': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/reopen': { ...WHEN, reason: true },
  '/v1/cases/{caseId}/merge': { ...WHEN, intoCaseId: true, reason: true },
};

/**
 * Writes made elsewhere than the case page's registry: intake opens a case, the timeline retracts a fact, the court
 * day records a decision at a hearing (features/court-day).
 */
const OUTSIDE_REGISTRY: readonly string[] = [
  '/v1/cases',
  '/v1/cases/{caseId}/retractions',
  '/v1/cases/{caseId}/hearings/{hearingId}/decision',
];

/** Values that must have a shape the API takes; any other text field gets plain words. */
const SAMPLES: Readonly<Record<string, string>> = {
  article: '272',
  part: '1',
  evidenceSha256: 'a'.repeat(64),
  currency: 'KZT',
  amount: '1500.50',
  days: '15',
  birthYear: '1990',
  durationMinutes: '45',
  sentenceMonths: '36',
  variants: 'Zholatov Arman\nЖолатов Арман',
};

/** What a form may pick from the case of `fullCase()`, by field name. */
const PICKED: Readonly<Record<string, string>> = {
  chargeId: IDS.charge,
  hearingId: IDS.hearing,
  complaintId: IDS.complaint,
  allegationId: IDS.allegation,
};

/** Every field of a form filled with a value it accepts. */
function filled(form: AnyWriteForm, detail: CaseDetail): FormValues {
  const values: FormValues = {};
  for (const field of form.fields) values[field.name] = fill(field, detail);
  return values;
}

function fill(field: FieldSpec, detail: CaseDetail): string | string[] | boolean {
  switch (field.kind) {
    case 'select':
      return field.vocabulary?.values[0] ?? PICKED[field.name] ?? '';
    case 'multiselect':
      return field.vocabulary ? [field.vocabulary.values[0] ?? ''] : [];
    case 'checkbox':
      return true;
    case 'date':
      return '2022-01-05';
    case 'datetime':
      return '2022-01-05T10:00';
    case 'number':
      return SAMPLES[field.name] ?? '3';
    case 'user': {
      const wanted = field.users?.(detail) ?? {};
      return wanted.only?.[0] ?? IDS.lawyerFree;
    }
    case 'case':
      return IDS.otherCase;
    default:
      return SAMPLES[field.name] ?? 'Words typed by a person';
  }
}

/** The shape of a JSON body, in the terms of `Shape`: `true` for a value, an object for an object or a list of them. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) {
    const objects = value.filter((item) => item !== null && typeof item === 'object');
    return objects.length === 0 ? true : objects.map(shapeOf).reduce(merge);
  }
  if (value === null || typeof value !== 'object') return true;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]));
}

function merge(a: unknown, b: unknown): unknown {
  if (a === true || b === true || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return true;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key], value) : value;
  return out;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const en = MESSAGES.en;
const labelOf = (key: string): RegExp => new RegExp(`^${escape(en[key] ?? key)}`);

/** Renders the form with every field filled, says when at day precision, submits (confirming when asked). */
async function submitFilled(form: AnyWriteForm, detail: CaseDetail): Promise<ReturnType<typeof fakeApi>> {
  const api = fakeApi();
  const values = filled(form, detail);
  renderWithConsole(
    <WriteForm
      client={api.client}
      definition={{ ...form, initial: values, initialFrom: undefined }}
      detail={detail}
      refresh={async () => []}
      onRecorded={() => undefined}
      onCancel={() => undefined}
    />,
  );
  for (const field of form.fields) {
    const input = screen.getAllByLabelText(labelOf(field.label))[0];
    expect(input, `${form.id}: ${field.name} has its label`).toBeTruthy();
    if (field.kind === 'select' || field.kind === 'user') {
      // The value filled is one the form offers (a select shows its first option for a value it does not have).
      await waitFor(() => expect((input as HTMLSelectElement).value).toBe(values[field.name]));
    }
  }
  await userEvent.selectOptions(screen.getByLabelText(en['console.when.precision'] ?? ''), 'day');
  await userEvent.type(screen.getByLabelText(labelOf('console.when.occurredAt')), '2022-01-05');
  await userEvent.click(screen.getByRole('button', { name: en[`console.form.${form.id}.submit`] }));
  if (form.confirm) {
    const typeName = translator('en').t('console.erase.typeName', { name: detail.fullName });
    await userEvent.type(await screen.findByLabelText(typeName), detail.fullName);
    await userEvent.click(screen.getByRole('button', { name: en['console.erase.confirm'] }));
  }
  await waitFor(() => expect(api.writes()).toHaveLength(1));
  return api;
}

describe('every write of the contract', () => {
  it('has a form on the case page, or its own place (intake, retraction)', () => {
    const registered = WRITE_FORMS.map((form) => form.path as string);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered, ...OUTSIDE_REGISTRY].sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it.each(WRITE_FORMS.map((form) => [form.id, form] as const))(
    '%s: every field filled sends every property of the OpenAPI request body',
    async (_id, form) => {
      const detail = fullCase();
      const api = await submitFilled(form, detail);
      const [write] = api.writes();
      const path = form.path
        .replace('{caseId}', detail.caseId)
        .replace('{chargeId}', IDS.charge)
        .replace('{hearingId}', IDS.hearing)
        .replace('{complaintId}', IDS.complaint)
        .replace('{lawyerId}', IDS.lawyerOnCase);
      expect(write?.url.pathname).toBe(path);
      expect(write?.headers.get('If-Match')).toBe(`"${detail.version}"`);
      expect(shapeOf(write?.body)).toEqual(CONTRACT[form.path]);
      expect(write?.body).toMatchObject({ occurredAtPrecision: 'day', occurredAt: '2022-01-05T00:00:00+06:00' });
    },
  );
});
