import type { CaseEvent } from '../events/case-events';
import {
  detained,
  died,
  measureImposed,
  opened,
  released,
  releasedToHouseArrest,
  retracted,
  sanction,
} from '../testing/fixtures';
import { at, stateOf } from '../testing/specification';
import { administrativeTerm } from './administrative-term';

const DETAINED = '2022-01-05T08:00:00.000Z';
const SENTENCED = '2022-01-06T10:00:00.000Z';
const TEN_DAYS_LATER = '2022-01-16T10:00:00.000Z';

const arrested = (...more: Array<CaseEvent | ReturnType<typeof at>>) =>
  stateOf(opened(), at(detained(), DETAINED), at(sanction('arrest', 10), SENTENCED), ...more);

describe('administrative arrest: the expected release', () => {
  it('is the start plus the days, and the person awaits release while no release is recorded', () => {
    expect(administrativeTerm(arrested())).toEqual({
      expectedReleaseAt: TEN_DAYS_LATER,
      expectedReleasePrecision: 'exact',
      awaitingRelease: true,
    });
  });

  it('a recorded release ends the wait, even one recorded late and early', () => {
    const early = arrested(at(released(), '2022-01-10T00:00:00.000Z'));
    expect(administrativeTerm(early)).toEqual({
      expectedReleaseAt: TEN_DAYS_LATER,
      expectedReleasePrecision: 'exact',
      awaitingRelease: false,
    });
  });

  it('a release before the arrest does not count: the person was detained again', () => {
    const state = stateOf(
      opened(),
      at(released(), '2022-01-04T00:00:00.000Z'),
      at(detained(), DETAINED),
      at(sanction('arrest', 10), SENTENCED),
    );
    expect(administrativeTerm(state).awaitingRelease).toBe(true);
  });

  it('a retracted release leaves the person awaiting release again (nothing is invented either way)', () => {
    const state = arrested(at(released(), '2022-01-16T12:00:00.000Z'), retracted('e4'));
    expect(administrativeTerm(state).awaitingRelease).toBe(true);
  });

  it.each<[string, CaseEvent]>([
    ['house arrest', releasedToHouseArrest()],
    ['pre-trial detention', measureImposed('pretrial_detention')],
    ['death', died()],
  ])('a later %s explains where the person is: not awaiting release', (_what, event) => {
    expect(administrativeTerm(arrested(at(event, '2022-01-12T00:00:00.000Z'))).awaitingRelease).toBe(false);
  });

  it('takes the latest arrest when there were several', () => {
    const state = arrested(at(sanction('arrest', 15), '2022-01-20T10:00:00.000Z'));
    expect(administrativeTerm(state).expectedReleaseAt).toBe('2022-02-04T10:00:00.000Z');
  });

  it('knows no expected release without an arrest of a known length, nor for a fine', () => {
    const noDays = stateOf(opened(), at(detained(), DETAINED), at(sanction('arrest'), SENTENCED));
    expect(administrativeTerm(noDays)).toEqual({
      expectedReleaseAt: null,
      expectedReleasePrecision: null,
      awaitingRelease: false,
    });
    const fine = stateOf(opened(), at(sanction('fine'), SENTENCED));
    expect(administrativeTerm(fine)).toEqual({
      expectedReleaseAt: null,
      expectedReleasePrecision: null,
      awaitingRelease: false,
    });
  });
});
