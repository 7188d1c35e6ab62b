import { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType } from './case-events';
import { FIELD_CLASSES, type FieldClasses } from './field-classes';
import { ERASED_TEXT, redactEvent, SENSITIVE_FIELDS } from './sensitive-fields';

/** Whether the sealed path `sealed` covers the string field at `field` (itself, or an item of a sealed list). */
function covers(sealed: string, field: string): boolean {
  return field === sealed || field.startsWith(`${sealed}[]`) || field.startsWith(`${sealed}.`);
}

function classifiedPaths(type: CaseEventType): Array<[string, string]> {
  return Object.entries(FIELD_CLASSES[type] as Record<string, string>);
}

describe('the class of every string field of every event', () => {
  it('has an entry for every event type', () => {
    expect(Object.keys(FIELD_CLASSES).sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });

  it.each(CASE_EVENT_TYPES)('%s: every field classed sensitive is sealed', (type) => {
    const sealed = Object.keys(SENSITIVE_FIELDS[type] ?? {});
    const unsealed = classifiedPaths(type)
      .filter(([, fieldClass]) => fieldClass === 'sensitive')
      .map(([path]) => path)
      .filter((path) => !sealed.some((s) => covers(s, path)));
    expect(unsealed).toEqual([]);
  });

  it.each(CASE_EVENT_TYPES)('%s: everything sealed is a field classed sensitive', (type) => {
    const sensitive = classifiedPaths(type)
      .filter(([, fieldClass]) => fieldClass === 'sensitive')
      .map(([path]) => path);
    const stray = Object.keys(SENSITIVE_FIELDS[type] ?? {}).filter(
      (sealed) => !sensitive.some((path) => covers(sealed, path)),
    );
    expect(stray).toEqual([]);
  });

  it('does not compile a table that leaves a string field out or names one that does not exist', () => {
    // @ts-expect-error `judge` is a string field of HearingScheduled without a class
    const missing: FieldClasses['HearingScheduled'] = {
      hearingId: 'id',
      court: 'court',
      scheduledAt: 'time',
      location: 'sensitive',
    };
    const invented: FieldClasses['NoteAdded'] = {
      text: 'sensitive',
      // @ts-expect-error NoteAdded has no field `author`
      author: 'sensitive',
    };
    // Vocabulary fields (closed unions of literals) need no entry: HearingScheduled's `kind` has none.
    expect(Object.keys(missing)).not.toContain('kind');
    expect(Object.keys(invented)).toContain('author');
  });

  it('erases what a person types into hearings, charges, detentions and lifecycle, and keeps courts and articles', () => {
    const events: CaseEvent[] = [
      {
        type: 'HearingScheduled',
        data: {
          hearingId: 'h1',
          kind: 'preventive_measure',
          court: 'Taraz city court',
          judge: 'Judge A.',
          scheduledAt: '2022-01-08T04:00:00.000Z',
          location: 'room 4',
        },
      },
      { type: 'HearingHeld', data: { hearingId: 'h1', outcome: 'detention for two months' } },
      { type: 'ChargeBrought', data: { chargeId: 'c1', code: 'criminal', article: '272', title: 'mass riots' } },
      { type: 'DetentionRecorded', data: { city: 'Taraz', place: 'his flat', authority: 'police' } },
      { type: 'CaseClosed', data: { reason: 'acquitted' } },
    ];
    expect(events.map((event) => redactEvent(event).data)).toEqual([
      {
        hearingId: 'h1',
        kind: 'preventive_measure',
        court: 'Taraz city court',
        judge: ERASED_TEXT,
        scheduledAt: '2022-01-08T04:00:00.000Z',
        location: ERASED_TEXT,
      },
      { hearingId: 'h1', outcome: ERASED_TEXT },
      { chargeId: 'c1', code: 'criminal', article: '272', title: ERASED_TEXT },
      { city: 'Taraz', place: ERASED_TEXT, authority: 'police' },
      { reason: ERASED_TEXT },
    ]);
  });
});
