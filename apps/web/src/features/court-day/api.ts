import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { components } from '../../api/schema';

dayjs.extend(utc);
dayjs.extend(timezone);

export type BoardHearing = components['schemas']['CalendarHearing'];
export type HearingCourt = components['schemas']['HearingCourt'];

/** Under `hearings`, so that a hearing scheduled from any page (the quick-write dialog) refreshes the board too. */
export const courtDayKeys = {
  board: (day: string, court: string) => ['hearings', 'court-day', day, court] as const,
  courts: (day: string) => ['hearings', 'courts', day] as const,
};

/** The instants of a calendar day in the person's zone, for the API's inclusive [from, to]. */
export function dayBounds(day: string, timeZone: string): { from: string; to: string } {
  const start = dayjs.tz(day, timeZone);
  return { from: start.toISOString(), to: start.add(1, 'day').subtract(1, 'millisecond').toISOString() };
}

/** An instant's hour and minute in the person's zone (the board is one day: the date goes without saying). */
export function clockTime(instant: string, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('HH:mm');
}

/** The day's hearings of one court (every page), by time. */
export function useBoard(day: string, court: string, timeZone: string): UseQueryResult<BoardHearing[]> {
  return useQuery({
    queryKey: courtDayKeys.board(day, court),
    enabled: court.trim() !== '',
    // The rows stay on screen while a decision's read comes back: focus and the inline forms are not lost.
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const items: BoardHearing[] = [];
      for (let page = 1; ; page += 1) {
        const { data, error, response } = await api.GET('/v1/hearings', {
          params: { query: { ...dayBounds(day, timeZone), court, page, pageSize: 100 } },
          signal,
        });
        if (data === undefined) throw toApiError(response.status, error);
        items.push(...data.items);
        if (data.items.length < data.pageSize || items.length >= data.total) return items;
      }
    },
  });
}

/** The courts sitting that day, the busiest first. */
export function useCourts(day: string, timeZone: string): UseQueryResult<HearingCourt[]> {
  return useQuery({
    queryKey: courtDayKeys.courts(day),
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/hearings/courts', {
        params: { query: dayBounds(day, timeZone) },
        signal,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data.items;
    },
  });
}
