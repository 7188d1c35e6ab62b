import { HeadCache } from './head-cache';

describe('HeadCache', () => {
  it('keeps the higher version of a stream', () => {
    const cache = new HeadCache(10);
    cache.remember('s', { version: 3, hash: 'c' });
    cache.remember('s', { version: 2, hash: 'b' });
    expect(cache.get('s')).toEqual({ version: 3, hash: 'c' });
  });

  it('evicts the least recently used stream', () => {
    const cache = new HeadCache(2);
    cache.remember('a', { version: 1, hash: 'a' });
    cache.remember('b', { version: 1, hash: 'b' });
    cache.get('a');
    cache.remember('c', { version: 1, hash: 'c' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toBe(2);
  });
});
