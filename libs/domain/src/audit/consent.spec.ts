import type { CaseEvent, CaseFact } from '../events/case-events';
import { ERASED_TEXT, redactEvent } from '../events/sensitive-fields';
import { foldFacts } from '../state/evolve';
import { toFacts } from '../testing/specification';
import { EVERY_CONSENT, readableConsents, WITHHELD_TEXT, withholdTestimony } from './consent';

const W = WITHHELD_TEXT;

function allegation(allegationId: string, consent: string | undefined): CaseEvent {
  return {
    type: 'TortureAllegationRecorded',
    data: {
      allegationId,
      periodFrom: '2022-01-06T00:00:00.000Z',
      facility: 'Almaly police station',
      methods: ['beating'],
      perpetrators: 'officer K.',
      injuries: 'broken rib',
      witnesses: 'cellmate B.',
      evidence: [{ kind: 'photo', reference: 'archive/118.jpg', sha256: 'ab'.repeat(32) }],
      ...(consent === undefined ? {} : { consent }),
    } as Extract<CaseEvent, { type: 'TortureAllegationRecorded' }>['data'],
  };
}

/** An allegation per consent (a3 recorded before consent was asked for), a complaint about each, and retractions. */
function story(): CaseFact[] {
  return toFacts([
    allegation('a1', 'full'),
    allegation('a2', 'internal_only'),
    allegation('a3', undefined),
    { type: 'ComplaintFiled', data: { complaintId: 'k1', allegationId: 'a1', filedWith: 'prosecutor' } },
    {
      type: 'ComplaintFiled',
      data: { complaintId: 'k2', allegationId: 'a2', filedWith: 'prosecutor', reference: 'R' },
    },
    { type: 'ComplainantPressured', data: { complaintId: 'k1', by: 'investigator', details: 'threats' } },
    { type: 'ComplainantPressured', data: { complaintId: 'k2', by: 'investigator', details: 'threats' } },
    { type: 'ComplaintAnswered', data: { complaintId: 'k2', outcome: 'refused', note: 'no marks found' } },
    { type: 'FactRetracted', data: { eventId: 'e7', reason: 'the investigator was named wrongly' } },
    { type: 'FactRetracted', data: { eventId: 'e6', reason: 'recorded twice' } },
  ]);
}

describe('withholdTestimony', () => {
  it('gives coordinators and lawyers every testimony: the very facts', () => {
    const facts = story();
    expect(readableConsents('coordinator')).toBe(EVERY_CONSENT);
    expect(withholdTestimony(facts, readableConsents('coordinator'))).toBe(facts);
    expect(withholdTestimony(facts, readableConsents('lawyer'))).toBe(facts);
  });

  it('withholds from an auditor every typed value of an internal-only allegation, keeping its period and methods', () => {
    const read = withholdTestimony(story(), readableConsents('auditor'));
    expect(read[1].event.data).toEqual({
      allegationId: 'a2',
      periodFrom: '2022-01-06T00:00:00.000Z',
      methods: ['beating'],
      consent: 'internal_only',
      facility: W,
      perpetrators: W,
      injuries: W,
      witnesses: W,
      evidence: [{ kind: W, reference: W, sha256: W }],
    });
  });

  it('withholds the account, the victim’s own narrative, like the other testimony', () => {
    const told = allegation('a9', 'internal_only');
    const withAccount: CaseEvent = {
      ...told,
      data: { ...told.data, account: 'They hooded me in the cellar' },
    } as CaseEvent;
    const [read] = withholdTestimony(toFacts([withAccount]), readableConsents('auditor'));
    expect(read.event.data).toMatchObject({ account: W, methods: ['beating'] });
    const [full] = withholdTestimony(toFacts([withAccount]), readableConsents('lawyer'));
    expect(full.event.data).toMatchObject({ account: 'They hooded me in the cellar' });
  });

  it('reads an allegation without a consent as internal only', () => {
    const read = withholdTestimony(story(), readableConsents('auditor'));
    expect(read[2].event.data).toMatchObject({ allegationId: 'a3', witnesses: W, facility: W });
    expect(withholdTestimony(story(), EVERY_CONSENT)[2].event.data).toMatchObject({ witnesses: 'cellmate B.' });
  });

  it('withholds what would quote it: pressure, answer, the reasons of their retractions, the typed reference', () => {
    const facts = story();
    const read = withholdTestimony(facts, readableConsents('auditor'));
    // The filing itself stays: where and what; its reference is typed and may name someone.
    expect(read[4].event.data).toEqual({
      complaintId: 'k2',
      allegationId: 'a2',
      filedWith: 'prosecutor',
      reference: W,
    });
    expect(read[6].event.data).toEqual({ complaintId: 'k2', by: W, details: W });
    expect(read[7].event.data).toEqual({ complaintId: 'k2', outcome: 'refused', note: W });
    expect(read[8].event.data).toEqual({ eventId: 'e7', reason: W });
  });

  it('leaves every other fact as it is, the same object', () => {
    const facts = story();
    const read = withholdTestimony(facts, readableConsents('auditor'));
    for (const index of [0, 3, 5, 9]) expect(read[index]).toBe(facts[index]);
    expect(JSON.stringify(facts)).toContain('cellmate B.');
  });

  it('folds to the same case, with the testimony withheld', () => {
    const state = foldFacts(withholdTestimony(story(), readableConsents('auditor')));
    expect(Object.keys(state.allegations)).toEqual(['a1', 'a2', 'a3']);
    expect(state.allegations.a1.witnesses).toBe('cellmate B.');
    expect(state.allegations.a2.witnesses).toBe(W);
    expect(state.complaints.k2).toMatchObject({ status: 'answered', response: { note: W }, pressure: [] });
  });

  it('keeps an erased value erased', () => {
    const erased = story().map((f) => ({ ...f, event: redactEvent(f.event) }));
    const read = withholdTestimony(erased, readableConsents('auditor'));
    expect(read[6].event.data).toEqual({ complaintId: 'k2', details: ERASED_TEXT });
    expect(read[1].event.data).toMatchObject({ evidence: [], methods: ['beating'] });
  });
});
