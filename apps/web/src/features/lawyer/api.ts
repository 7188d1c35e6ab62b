import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../api/client';
import { toApiError } from '../../api/errors';
import type { components } from '../../api/schema';

export type Agenda = components['schemas']['Agenda'];
export type AgendaItem = Agenda['items'][number];
export type CalendarHearing = components['schemas']['CalendarHearing'];
export type Reminder = components['schemas']['Reminder'];
export type NotificationSettings = components['schemas']['NotificationSettings'];
export type TestNotification = components['schemas']['TestNotification'];

export const lawyerKeys = {
  agenda: (days: number) => ['agenda', days] as const,
  hearings: (from: string, to: string, lawyerId: string) => ['hearings', from, to, lawyerId] as const,
  reminders: ['reminders'] as const,
};

/** The caller's deadlines, soonest first (the API's order, kept). */
export function useAgenda(days: number): UseQueryResult<Agenda> {
  return useQuery({
    queryKey: lawyerKeys.agenda(days),
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/agenda', { params: { query: { days } }, signal });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
}

/** Hearings of the lawyer's cases in [from, to): the calendar's period, every page of it (the API's pages hold 100). */
export function useHearings(from: string, to: string, lawyerId: string): UseQueryResult<CalendarHearing[]> {
  return useQuery({
    queryKey: lawyerKeys.hearings(from, to, lawyerId),
    queryFn: async ({ signal }) => {
      const items: CalendarHearing[] = [];
      for (let page = 1; ; page += 1) {
        const { data, error, response } = await api.GET('/v1/hearings', {
          params: { query: { from, to, lawyerId, page, pageSize: 100 } },
          signal,
        });
        if (data === undefined) throw toApiError(response.status, error);
        items.push(...data.items);
        if (data.items.length < data.pageSize || items.length >= data.total) return items;
      }
    },
  });
}

export function useReminderLog(): UseQueryResult<Reminder[]> {
  return useQuery({
    queryKey: lawyerKeys.reminders,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/v1/reminders', { params: { query: {} }, signal });
      if (data === undefined) throw toApiError(response.status, error);
      return data.items;
    },
  });
}
