import type { CaseCommand } from '../commands/case-commands';
import { opened } from '../testing/fixtures';
import { given } from '../testing/specification';

// Any valid opening: these rules hold before the command's own.
const openCase: CaseCommand = { type: 'OpenCase', ...opened().data };

describe('every command', () => {
  it('refuses an occurredAt more than 5 minutes after now', () => {
    given(opened())
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-01T12:05:01.000Z' })
      .thenError('OCCURRED_IN_FUTURE');
  });

  it('tolerates an occurredAt up to 5 minutes ahead of the server clock', () => {
    given(opened())
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-01T12:05:00.000Z' })
      .then({ type: 'NoteAdded', data: { text: 'x' } });
  });

  it('compares times as instants, not text (offsets)', () => {
    // 17:04+05:00 is 12:04Z: within tolerance although the string sorts after NOW.
    given(opened())
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-01T17:04:00+05:00' })
      .then({ type: 'NoteAdded', data: { text: 'x' } });
  });

  it('checks the future even on opening', () => {
    given().when(openCase, { occurredAt: '2022-03-02T00:00:00.000Z' }).thenError('OCCURRED_IN_FUTURE');
  });

  it('refuses any command but OpenCase on a case that does not exist', () => {
    given().when({ type: 'AddNote', text: 'x' }).thenError('CASE_NOT_FOUND');
    given().when({ type: 'ReopenCase', reason: 'x' }).thenError('CASE_NOT_FOUND');
  });

  it('says a case does not exist before anything about when the fact happened', () => {
    given()
      .when({ type: 'AddNote', text: 'x' }, { occurredAt: '2022-03-02T00:00:00.000Z' })
      .thenError('CASE_NOT_FOUND');
  });
});
