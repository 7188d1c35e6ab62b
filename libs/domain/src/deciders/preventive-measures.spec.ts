import type { CaseCommand } from '../commands/case-commands';
import {
  detained,
  died,
  hearingCancelled,
  hearingHeld,
  hearingScheduled,
  measureExtended,
  measureImposed,
  opened,
  released,
} from '../testing/fixtures';
import { at, given } from '../testing/specification';

const death = at(died(), '2022-01-10T00:00:00.000Z');
const impose: CaseCommand = {
  type: 'ImposePreventiveMeasure',
  measure: 'pretrial_detention',
  until: '2022-03-06T00:00:00.000Z',
};
const extend: CaseCommand = { type: 'ExtendPreventiveMeasure', until: '2022-05-06T00:00:00.000Z' };
const detentionUntilMarch = measureImposed('pretrial_detention', '2022-03-06T00:00:00.000Z');

describe('ImposePreventiveMeasure', () => {
  it('imposes a measure at a hearing', () => {
    given(opened(), detained(), hearingScheduled('h1'), hearingHeld('h1'))
      .when({ ...impose, hearingId: 'h1' })
      .then({
        type: 'PreventiveMeasureImposed',
        data: { measure: 'pretrial_detention', until: '2022-03-06T00:00:00.000Z', hearingId: 'h1' },
      });
  });

  it('imposes a measure without an end date or hearing', () => {
    given(opened())
      .when({ type: 'ImposePreventiveMeasure', measure: 'travel_ban' })
      .then({
        type: 'PreventiveMeasureImposed',
        data: { measure: 'travel_ban' },
      });
  });

  it('refuses an unknown hearing', () => {
    given(opened(), detained())
      .when({ ...impose, hearingId: 'h9' })
      .thenError('HEARING_NOT_FOUND');
  });

  it('refuses a cancelled hearing', () => {
    given(opened(), hearingScheduled('h1'), hearingCancelled('h1'))
      .when({ ...impose, hearingId: 'h1' })
      .thenError('HEARING_NOT_SCHEDULED');
  });

  it('refuses an end before the measure starts', () => {
    given(opened(), detained())
      .when({ ...impose, until: '2022-02-28T00:00:00.000Z' })
      .thenError('MEASURE_END_BEFORE_START');
  });

  it('refuses an end equal to the start', () => {
    given(opened(), detained())
      .when(impose, { occurredAt: '2022-03-01T00:00:00.000Z', now: '2022-03-01T00:00:00.000Z' })
      .then({
        type: 'PreventiveMeasureImposed',
        data: { measure: 'pretrial_detention', until: '2022-03-06T00:00:00.000Z' },
      });
    given(opened(), detained())
      .when(impose, { occurredAt: '2022-03-06T00:00:00.000Z', now: '2022-03-06T00:00:00.000Z' })
      .thenError('MEASURE_END_BEFORE_START');
  });

  it('refuses a measure after the death', () => {
    given(opened(), detained(), death).when(impose).thenError('DETAINEE_DECEASED');
  });
});

describe('ExtendPreventiveMeasure', () => {
  it('extends the measure in force', () => {
    given(opened(), detained(), detentionUntilMarch, hearingScheduled('h2'))
      .when({ ...extend, hearingId: 'h2' })
      .then({ type: 'PreventiveMeasureExtended', data: { until: '2022-05-06T00:00:00.000Z', hearingId: 'h2' } });
  });

  it('extends a measure that had no end date', () => {
    given(opened(), detained(), measureImposed('house_arrest'))
      .when(extend)
      .then({ type: 'PreventiveMeasureExtended', data: { until: '2022-05-06T00:00:00.000Z' } });
  });

  it('refuses when no measure is in force and the extension does not say which it extends', () => {
    given(opened(), detained()).when(extend).thenError('NO_ACTIVE_MEASURE');
  });

  it('takes an extension that says which measure as the first news of it', () => {
    given(opened())
      .when({ ...extend, measure: 'pretrial_detention' })
      .then({
        type: 'PreventiveMeasureExtended',
        data: { until: '2022-05-06T00:00:00.000Z', measure: 'pretrial_detention' },
      });
  });

  it('refuses to extend, even naming it, a measure that ended before', () => {
    given(opened(), detained(), detentionUntilMarch, released())
      .when({ ...extend, measure: 'pretrial_detention' })
      .thenError('NO_ACTIVE_MEASURE');
  });

  it('refuses when the measure ended with a release', () => {
    given(opened(), detained(), detentionUntilMarch, released()).when(extend).thenError('NO_ACTIVE_MEASURE');
  });

  it('refuses when the measure was imposed only after the extension occurred', () => {
    given(opened(), detained(), at(detentionUntilMarch, '2022-02-10T00:00:00.000Z'))
      .when(extend, { occurredAt: '2022-02-01T00:00:00.000Z' })
      .thenError('NO_ACTIVE_MEASURE');
  });

  it('refuses a new end that is not after the current one', () => {
    given(opened(), detained(), detentionUntilMarch)
      .when(
        { type: 'ExtendPreventiveMeasure', until: '2022-03-06T00:00:00.000Z' },
        { occurredAt: '2022-02-01T00:00:00.000Z' },
      )
      .thenError('EXTENSION_NOT_LATER');
    given(opened(), detained(), detentionUntilMarch, measureExtended('2022-06-01T00:00:00.000Z'))
      .when(extend)
      .thenError('EXTENSION_NOT_LATER');
  });

  it('refuses a new end before the extension itself', () => {
    given(opened(), detained(), measureImposed('house_arrest'))
      .when({ type: 'ExtendPreventiveMeasure', until: '2022-02-01T00:00:00.000Z' })
      .thenError('MEASURE_END_BEFORE_START');
  });

  it('refuses an unknown hearing', () => {
    given(opened(), detained(), detentionUntilMarch)
      .when({ ...extend, hearingId: 'h9' })
      .thenError('HEARING_NOT_FOUND');
  });

  it('refuses after the death', () => {
    given(opened(), detained(), detentionUntilMarch, death).when(extend).thenError('DETAINEE_DECEASED');
  });
});
