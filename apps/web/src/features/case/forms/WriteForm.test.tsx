import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { caseDetail, CASE_ID, timelineEvent } from '../../../../test/fixtures';
import { COORDINATOR, json, MESSAGES, renderWithConsole } from '../../../../test/render';
import { createApiClient } from '../../../api/client';
import { ConsoleState } from '../../../api/console-state';
import type { WriteOutcome } from '../../../api/write';
import { WRITE_FORMS } from '.';
import { detentionForm } from './definitions/detention';
import { transferForm } from './definitions/transfer';
import type { AnyWriteForm } from './registry';
import { WriteForm } from './WriteForm';

function fakeApi(answers: Array<(request: Request) => Promise<Response> | Response>) {
  const requests: Array<{ request: Request; body: unknown }> = [];
  const fetchImpl = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    requests.push({
      request,
      body: await request
        .clone()
        .json()
        .catch(() => null),
    });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer scripted');
    return answer(request);
  };
  return { client: createApiClient(new ConsoleState(), fetchImpl as typeof fetch), requests };
}

function renderForm(
  definition: AnyWriteForm,
  api: ReturnType<typeof fakeApi>,
  refresh = async () => [timelineEvent(5)],
) {
  const recorded: WriteOutcome[] = [];
  renderWithConsole(
    <WriteForm
      client={api.client}
      definition={definition}
      detail={caseDetail()}
      refresh={refresh}
      onRecorded={(answer) => recorded.push(answer)}
      onCancel={() => undefined}
    />,
  );
  return recorded;
}

describe('the registry of write forms', () => {
  it('has every text of every form and field in every language', () => {
    const keys = WRITE_FORMS.flatMap((form) => [
      `console.form.${form.id}.title`,
      `console.form.${form.id}.submit`,
      ...form.fields.flatMap((field) => [
        field.label,
        ...(field.description ? [field.description] : []),
        ...(field.vocabulary?.values ?? []).map((value) => `${field.vocabulary?.labels}.${value}`),
      ]),
    ]);
    for (const messages of Object.values(MESSAGES)) {
      expect(keys.filter((key) => messages[key] === undefined)).toEqual([]);
    }
    expect(new Set(WRITE_FORMS.map((f) => f.id)).size).toBe(WRITE_FORMS.length);
  });
});

describe('a write form', () => {
  it('checks its fields before sending anything, with the messages of the catalogue', async () => {
    const api = fakeApi([]);
    renderForm(transferForm, api);
    await userEvent.click(screen.getByRole('button', { name: 'Record the transfer' }));
    expect(await screen.findAllByText('Required')).toHaveLength(3);
    expect(api.requests).toHaveLength(0);
  });

  it('sends the contract’s body once with If-Match and an Idempotency-Key, however often it is clicked', async () => {
    let answer: (response: Response) => void = () => undefined;
    const api = fakeApi([() => new Promise<Response>((resolve) => (answer = resolve))]);
    const recorded = renderForm(detentionForm, api);
    await userEvent.selectOptions(screen.getByLabelText(/Who detained the person/), 'police');
    await userEvent.type(screen.getByLabelText(/^Place/), 'Republic Square');
    await userEvent.selectOptions(screen.getByLabelText('How precisely is the time known?'), 'day');
    await userEvent.type(screen.getByLabelText(/When it happened/), '2022-01-05');
    const submit = screen.getByRole('button', { name: 'Record the detention' });
    await userEvent.click(submit);
    await userEvent.click(submit);
    await waitFor(() => expect(api.requests).toHaveLength(1));
    answer(json(201, { caseId: CASE_ID, version: 5, position: 77 }));

    await waitFor(() => expect(recorded).toHaveLength(1));
    expect(api.requests).toHaveLength(1);
    const [{ request, body }] = api.requests as [{ request: Request; body: unknown }];
    expect(request.url).toBe(`${window.location.origin}/v1/cases/${CASE_ID}/detention`);
    expect(request.headers.get('If-Match')).toBe('"4"');
    expect(request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toEqual({
      authority: 'police',
      place: 'Republic Square',
      occurredAt: '2022-01-05T00:00:00+06:00',
      occurredAtPrecision: 'day',
    });
  });

  it('puts the API’s field errors on their fields', async () => {
    const api = fakeApi([
      () =>
        json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'invalid',
          details: [
            { field: 'facility.name', message: 'facility.name must be shorter than or equal to 300 characters' },
          ],
        }),
    ]);
    renderForm(transferForm, api);
    await userEvent.selectOptions(screen.getByLabelText(/Kind of facility/), 'prison');
    await userEvent.type(screen.getByLabelText(/Name of the facility/), 'IK-2');
    await userEvent.type(screen.getByLabelText(/^City/), 'Almaty');
    await userEvent.click(screen.getByRole('button', { name: 'Record the transfer' }));

    const field = screen.getByLabelText(/Name of the facility/);
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('facility.name must be shorter than or equal to 300 characters')).toBeTruthy();
  });

  it('on a 412 shows what was recorded meanwhile and re-applies on the new version with a new key', async () => {
    const api = fakeApi([
      () =>
        json(412, {
          statusCode: 412,
          code: 'VERSION_MISMATCH',
          message: 'changed',
          details: [{ expectedVersion: 4, actualVersion: 5 }],
        }),
      () => json(201, { caseId: CASE_ID, version: 6, position: 80 }),
    ]);
    const recorded = renderForm(detentionForm, api, async () => [
      timelineEvent(4),
      timelineEvent(5, { type: 'DetaineeTransferred' }),
    ]);
    await userEvent.selectOptions(screen.getByLabelText(/Who detained the person/), 'police');
    await userEvent.click(screen.getByRole('button', { name: 'Record the detention' }));

    expect(await screen.findByText('The case changed while you were writing')).toBeTruthy();
    expect(screen.getByText(/^Transfer, 8 January 2022, 16:00 \(Asia\/Almaty\)/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Record mine as well' }));

    await waitFor(() => expect(recorded).toHaveLength(1));
    const [first, second] = api.requests.map(({ request }) => request);
    expect(second?.headers.get('If-Match')).toBe('"5"');
    expect(second?.headers.get('Idempotency-Key')).not.toBe(first?.headers.get('Idempotency-Key'));
  });

  it("on a 412 names a fact of the signed-in account as the reader's own, not as a role's", async () => {
    const api = fakeApi([
      () =>
        json(412, {
          statusCode: 412,
          code: 'VERSION_MISMATCH',
          message: 'changed',
          details: [{ expectedVersion: 4, actualVersion: 6 }],
        }),
    ]);
    renderForm(detentionForm, api, async () => [
      timelineEvent(4),
      timelineEvent(5, { type: 'DetaineeTransferred', actor: { id: COORDINATOR.user.id, role: 'coordinator' } }),
      timelineEvent(6, { actor: { id: '00000000-0000-4000-8000-0000000000bb', role: 'coordinator' } }),
    ]);
    await userEvent.selectOptions(screen.getByLabelText(/Who detained the person/), 'police');
    await userEvent.click(screen.getByRole('button', { name: 'Record the detention' }));

    expect(await screen.findByText(/^Transfer, 8 January 2022, 16:00 \(Asia\/Almaty\).* by you$/)).toBeTruthy();
    expect(screen.getByText(/ by a coordinator$/)).toBeTruthy();
  });
});
