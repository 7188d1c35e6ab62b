import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, renderWithConsole, translator } from '../../../../test/render';
import type { CaseDetail } from '../../../api/types';
import { fakeApi, fullCase, IDS } from '../../../../test/write-fixtures';
import { assignLawyerForm } from './definitions/assign-lawyer';
import { eraseForm } from './definitions/erase';
import { identityForm } from './definitions/identity';
import { mergeForm } from './definitions/merge';
import { noteForm } from './definitions/note';
import { unassignLawyerForm } from './definitions/unassign-lawyer';
import { verdictForm } from './definitions/verdict';
import { formsFor, WRITE_FORMS } from '.';
import type { AnyWriteForm } from './registry';
import { WriteForm } from './WriteForm';

function renderForm(definition: AnyWriteForm, api: ReturnType<typeof fakeApi>, detail: CaseDetail = fullCase()) {
  renderWithConsole(
    <WriteForm
      client={api.client}
      definition={definition}
      detail={detail}
      refresh={async () => []}
      onRecorded={() => undefined}
      onCancel={() => undefined}
    />,
  );
}

describe('who is offered which write', () => {
  const ids = (role: string, detail: CaseDetail = fullCase()): string[] => formsFor(role, detail).map((f) => f.id);

  it('a coordinator every write the case allows, merge and erase included', () => {
    expect(ids('coordinator')).toEqual(expect.arrayContaining(['merge', 'erase', 'note', 'identity', 'close']));
  });

  it('a lawyer the same writes without the coordinator’s merge and erase', () => {
    expect(ids('lawyer')).not.toContain('merge');
    expect(ids('lawyer')).not.toContain('erase');
    expect(ids('lawyer')).toEqual(ids('coordinator').filter((id) => id !== 'merge' && id !== 'erase'));
  });

  it('an auditor and an admin none at all, and nobody any on a merged case', () => {
    expect(ids('auditor')).toEqual([]);
    expect(ids('admin')).toEqual([]);
    expect(ids('coordinator', fullCase({ mergedInto: IDS.otherCase }))).toEqual([]);
  });

  it('only what the case allows: reopen when closed, close when open, no outcome without a scheduled hearing', () => {
    expect(ids('lawyer')).toContain('close');
    expect(ids('lawyer')).not.toContain('reopen');
    expect(ids('lawyer', fullCase({ closed: true }))).toContain('reopen');
    expect(ids('lawyer', fullCase({ closed: true }))).not.toContain('close');
    const bare = ids('lawyer', fullCase({ hearings: [], charges: [], complaints: [], lawyers: [] }));
    for (const id of ['hearingOutcome', 'rescheduleHearing', 'cancelHearing', 'requalifyCharge', 'dropCharge']) {
      expect(bare).not.toContain(id);
    }
    for (const id of ['complaintResponse', 'complaintWithdrawal', 'complaintPressure', 'unassignLawyer']) {
      expect(bare).not.toContain(id);
    }
    expect(WRITE_FORMS.length).toBeGreaterThan(35);
  });
});

describe('erasing a case', () => {
  async function askToErase(): Promise<ReturnType<typeof fakeApi>> {
    const api = fakeApi();
    renderForm(eraseForm, api);
    await userEvent.type(screen.getByLabelText(/^Why the case must be erased/), 'Asked by the family');
    await userEvent.click(screen.getByRole('button', { name: 'Go on to the confirmation' }));
    return api;
  }

  it('names what is destroyed and sends nothing until the full name is typed', async () => {
    const api = await askToErase();
    const dialog = await screen.findByRole('dialog', { name: 'Erase the case of Arman Zholatov?' });
    expect(within(dialog).getByText(/destroys the key of the case of Arman Zholatov/)).toBeTruthy();
    expect(within(dialog).getByText(/the name and its spellings, the date of birth/)).toBeTruthy();
    expect(within(dialog).getByText(/torture testimony/)).toBeTruthy();
    expect(within(dialog).getByText(/This cannot be undone/)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Erase for good' });
    expect(confirm).toHaveProperty('disabled', true);

    const name = within(dialog).getByLabelText('To confirm, type the full name: Arman Zholatov');
    await userEvent.type(name, 'Arman Zholat{Enter}');
    expect(confirm).toHaveProperty('disabled', true);
    expect(api.writes()).toHaveLength(0);

    await userEvent.type(name, 'ov');
    expect(confirm).toHaveProperty('disabled', false);
    await userEvent.click(confirm);
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    const [write] = api.writes();
    expect(write?.url.pathname).toBe(`/v1/cases/${fullCase().caseId}/erase`);
    expect(write?.body).toEqual({ reason: 'Asked by the family' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('goes back without sending anything', async () => {
    const api = await askToErase();
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.writes()).toHaveLength(0);
  });

  it('asks in the person’s language', async () => {
    renderWithConsole(
      <WriteForm
        client={fakeApi().client}
        definition={eraseForm}
        detail={fullCase()}
        refresh={async () => []}
        onRecorded={() => undefined}
        onCancel={() => undefined}
      />,
      { locale: 'kk' },
    );
    const kk = translator('kk');
    await userEvent.type(screen.getByLabelText(new RegExp(`^${kk.t('console.field.eraseReason')}`)), 'Себебі');
    await userEvent.click(screen.getByRole('button', { name: kk.t('console.form.erase.submit') }));
    expect(await screen.findByRole('dialog', { name: 'Істі өшіру керек пе: Arman Zholatov?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Біржола өшіру' })).toHaveProperty('disabled', true);
  });
});

describe('picking what a write names', () => {
  it('merge: the survivor is found by name, never the case itself', async () => {
    const api = fakeApi();
    renderForm(mergeForm, api);
    // The label names the input and the list of options it opens.
    const survivor = screen.getAllByLabelText(/^The case that stays/).find((el) => el.tagName === 'INPUT');
    await userEvent.type(survivor as HTMLElement, 'Жолатов');
    // jsdom runs no animation frames, so Mantine's dropdown stays mid-transition (display: none): the options are
    // looked up including hidden ones, and exactly the other case is offered.
    const option = await screen.findByRole('option', { name: 'Arman Zholatov, Aktau', hidden: true });
    expect(document.querySelectorAll('[data-combobox-option]')).toHaveLength(1);
    const search = api.requests.find((r) => r.url.pathname === '/v1/cases');
    expect(search?.url.searchParams.get('q')).toBe('Жолатов');
    await userEvent.click(option);
    await userEvent.type(screen.getByLabelText(/^Why are they the same person/), 'Same birth date and family');
    await userEvent.click(screen.getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ intoCaseId: IDS.otherCase, reason: 'Same birth date and family' });
  });

  it('assign: lawyers by name from GET /v1/users, without those already on the case', async () => {
    const api = fakeApi();
    renderForm(assignLawyerForm, api);
    const lawyer = screen.getByLabelText(/^Lawyer/);
    await within(lawyer).findByRole('option', { name: 'Bolat Lawyer' });
    expect(within(lawyer).queryByRole('option', { name: 'Aigerim Lawyer' })).toBeNull();
    expect(within(lawyer).queryByRole('option', { name: 'Dana Coordinator' })).toBeNull();
    expect(api.requests.find((r) => r.url.pathname === '/v1/users')?.url.searchParams.get('role')).toBe('lawyer');
    await userEvent.selectOptions(lawyer, 'Bolat Lawyer');
    await userEvent.selectOptions(screen.getByLabelText(/^Role on the case/), 'support');
    await userEvent.click(screen.getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ lawyerId: IDS.lawyerFree, role: 'support' });
  });

  it('unassign: only the case’s lawyers, the one chosen in the path', async () => {
    const api = fakeApi();
    renderForm(unassignLawyerForm, api);
    const lawyer = screen.getByLabelText(/^Lawyer/);
    await within(lawyer).findByRole('option', { name: 'Aigerim Lawyer' });
    expect(within(lawyer).queryByRole('option', { name: 'Bolat Lawyer' })).toBeNull();
    await userEvent.selectOptions(lawyer, 'Aigerim Lawyer');
    await userEvent.click(screen.getByRole('button', { name: 'Unassign' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.url.pathname).toBe(`/v1/cases/${fullCase().caseId}/lawyers/${IDS.lawyerOnCase}/unassign`);
    expect(api.writes()[0]?.body).toEqual({});
  });
});

describe('the identity form', () => {
  it('starts from what the case knows and sends only what was changed', async () => {
    const api = fakeApi();
    const detail = fullCase({
      city: 'Almaty',
      birthYear: 1990,
      vulnerabilities: ['wounded'],
      publicRoles: ['activist'],
    });
    renderForm(identityForm, api, detail);
    expect(screen.getByLabelText<HTMLInputElement>(/^Full name/).value).toBe('Arman Zholatov');
    expect(screen.getByLabelText<HTMLInputElement>(/^Year of birth/).value).toBe('1990');
    const city = screen.getByLabelText<HTMLInputElement>(/^City/);
    expect(city.value).toBe('Almaty');
    await userEvent.clear(city);
    await userEvent.type(city, 'Zhanaozen');
    await userEvent.click(screen.getByRole('button', { name: 'Record the correction' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ city: 'Zhanaozen' });
  });
});

describe('when it happened', () => {
  it('with precision unknown sends no time at all', async () => {
    const api = fakeApi();
    renderForm(noteForm, api);
    await userEvent.type(screen.getByLabelText(/^Note/), 'Seen at the window by a relative');
    await userEvent.selectOptions(screen.getByLabelText('How precisely is the time known?'), 'unknown');
    expect(screen.queryByLabelText(/When it happened/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toEqual({ text: 'Seen at the window by a relative', occurredAtPrecision: 'unknown' });
  });

  it('at month precision sends the month’s first day in the person’s zone, no hour of its own', async () => {
    const api = fakeApi();
    renderForm(noteForm, api);
    await userEvent.type(screen.getByLabelText(/^Note/), 'Moved to another cell');
    await userEvent.selectOptions(screen.getByLabelText('How precisely is the time known?'), 'month');
    await userEvent.type(screen.getByLabelText(/When it happened/), '2022-01');
    await userEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    await waitFor(() => expect(api.writes()).toHaveLength(1));
    expect(api.writes()[0]?.body).toMatchObject({
      occurredAtPrecision: 'month',
      occurredAt: '2022-01-01T00:00:00+06:00',
    });
  });
});

describe('the verdict form', () => {
  it('refuses a sentence without a conviction before sending', async () => {
    const api = fakeApi();
    renderForm(verdictForm, api);
    await userEvent.selectOptions(screen.getByLabelText(/^Decision/), 'acquitted');
    await userEvent.selectOptions(screen.getByLabelText(/^Sentence/), 'fine');
    await userEvent.click(screen.getByRole('button', { name: 'Record the verdict' }));
    expect(await screen.findByText('A sentence follows a conviction only')).toBeTruthy();
    expect(api.writes()).toHaveLength(0);
  });

  it('shows the API’s refusal of a nested field on that field', async () => {
    const api = fakeApi(() =>
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'invalid',
        details: [{ field: 'sentence.months', message: 'months must not be greater than 1200' }],
      }),
    );
    renderForm(verdictForm, api);
    await userEvent.selectOptions(screen.getByLabelText(/^Decision/), 'convicted');
    await userEvent.selectOptions(screen.getByLabelText(/^Sentence/), 'imprisonment');
    await userEvent.type(screen.getByLabelText(/^Length of the sentence/), '84');
    await userEvent.click(screen.getByRole('button', { name: 'Record the verdict' }));
    const months = screen.getByLabelText(/^Length of the sentence/);
    await waitFor(() => expect(months.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('months must not be greater than 1200')).toBeTruthy();
    expect(api.writes()[0]?.body).toEqual({ outcome: 'convicted', sentence: { kind: 'imprisonment', months: 84 } });
  });
});
