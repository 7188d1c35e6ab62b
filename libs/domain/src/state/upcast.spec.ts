import { CASE_EVENT_TYPES } from '../events/case-events';
import { upcast } from './upcast';

describe('upcast', () => {
  it('reads every type at its current version as is', () => {
    for (const type of CASE_EVENT_TYPES) {
      expect(upcast(type, 1, { some: 'data' })).toEqual({ type, data: { some: 'data' } });
    }
  });

  it('reads a stored CaseOpened', () => {
    const data = {
      detainee: { fullName: 'A', nameVariants: [], sex: 'male', city: 'B', vulnerabilities: [] },
      source: { kind: 'self' },
    };
    expect(upcast('CaseOpened', 1, data)).toEqual({ type: 'CaseOpened', data });
  });

  it('throws on an unknown type', () => {
    expect(() => upcast('CaseExploded', 1, {})).toThrow('Unknown event type "CaseExploded"');
  });

  it('throws on a type name that only exists on Object.prototype', () => {
    expect(() => upcast('toString', 1, {})).toThrow('Unknown event type');
  });

  it('throws on a version newer than the code knows', () => {
    expect(() => upcast('NoteAdded', 2, { text: 'x' })).toThrow('unsupported schema version 2');
  });

  it('throws on a version that cannot exist', () => {
    expect(() => upcast('NoteAdded', 0, { text: 'x' })).toThrow('unsupported schema version 0');
    expect(() => upcast('NoteAdded', 1.5, { text: 'x' })).toThrow('unsupported schema version');
  });

  it('throws on data that is not an object', () => {
    expect(() => upcast('NoteAdded', 1, null)).toThrow('data is not an object');
    expect(() => upcast('NoteAdded', 1, 'text')).toThrow('data is not an object');
    expect(() => upcast('NoteAdded', 1, [])).toThrow('data is not an object');
  });
});
