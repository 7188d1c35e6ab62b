import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageCount, queryFromUrl, withFilter } from './filters';

describe('the board’s filters in the URL', () => {
  it('reads every filter and sort of the contract from a shared link', () => {
    const url = new URLSearchParams(
      'q=Жолатов&status=in_police_custody&city=Almaty&facility=IVS-1&article=272&vulnerability=minor' +
        '&publicRole=journalist&lawyerId=01814cb1-1472-4eb0-aac2-49eb004462d6&closed=false&tortureAlleged=true' +
        '&termEnded=true&detainedFrom=2022-01-01&detainedTo=2022-01-31&sort=-detainedAt&page=3',
    );
    expect(queryFromUrl(url)).toEqual({
      q: 'Жолатов',
      status: 'in_police_custody',
      city: 'Almaty',
      facility: 'IVS-1',
      article: '272',
      vulnerability: 'minor',
      publicRole: 'journalist',
      lawyerId: '01814cb1-1472-4eb0-aac2-49eb004462d6',
      closed: false,
      tortureAlleged: true,
      termEnded: true,
      detainedFrom: '2022-01-01',
      detainedTo: '2022-01-31',
      sort: '-detainedAt',
      page: 3,
      pageSize: PAGE_SIZE,
    });
  });

  it('leaves out what a hand-edited link got wrong instead of sending it', () => {
    expect(queryFromUrl(new URLSearchParams('lawyerId=nope&closed=maybe&detainedFrom=yesterday&page=-2'))).toEqual({
      page: 1,
      pageSize: PAGE_SIZE,
    });
  });

  it('goes back to the first page when a filter changes, and clears a filter set empty', () => {
    const url = new URLSearchParams('city=Almaty&page=4');
    expect(withFilter(url, 'status', 'released').toString()).toBe('city=Almaty&status=released');
    expect(withFilter(url, 'city', '').toString()).toBe('');
    expect(withFilter(url, 'page', '5').toString()).toBe('city=Almaty&page=5');
  });
});

describe('the pages offered', () => {
  it('follows an exact total', () => {
    expect(pageCount(0, false, 1, 0)).toBe(1);
    expect(pageCount(51, false, 1, PAGE_SIZE)).toBe(3);
  });

  it('offers one more page while an estimated total runs out and the page is full', () => {
    expect(pageCount(1001, true, 41, PAGE_SIZE)).toBe(42);
    expect(pageCount(1001, true, 2, PAGE_SIZE)).toBe(41);
    expect(pageCount(1001, true, 80, 7)).toBe(80);
  });
});
