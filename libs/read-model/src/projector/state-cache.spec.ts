import { initialCaseState } from '@casetrack/domain';
import { StateCache } from './state-cache';

describe('StateCache', () => {
  it('forgets the least recently used case first', () => {
    const cache = new StateCache(2);
    cache.set('a', initialCaseState);
    cache.set('b', initialCaseState);
    cache.get('a');
    cache.set('c', initialCaseState);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(initialCaseState);
    expect(cache.size).toBe(2);
  });

  it('evicts given cases', () => {
    const cache = new StateCache(5);
    cache.set('a', initialCaseState);
    cache.evict(['a']);
    expect(cache.get('a')).toBeUndefined();
  });
});
