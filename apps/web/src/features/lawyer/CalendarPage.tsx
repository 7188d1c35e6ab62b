import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useI18n, useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { PageLoader } from '../../shared/PageLoader';
import { useUser } from '../auth/session-context';
import { type CalendarHearing, useHearings } from './api';
import { CalendarFeed } from './CalendarFeed';
import { calendarPeriod, type CalendarView, dayIn, step, today } from './calendar';

/**
 * The hearings of the lawyer's cases by week or month, days and hours in the lawyer's time zone (the account's), as
 * a table: one row per week, a column per weekday, each hearing a link to its case. Then the calendar feed.
 */
export function CalendarPage(): ReactNode {
  const t = useT();
  const { translator, timeZone } = useI18n();
  const user = useUser();
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => today(timeZone));
  const period = calendarPeriod(anchor, view, timeZone);
  const hearings = useHearings(period.from, period.to, user.id);
  const locale = translator.locale;

  const byDay = new Map<string, CalendarHearing[]>();
  for (const hearing of hearings.data ?? []) {
    const day = dayIn(hearing.scheduledAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), hearing]);
  }
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const dayNumber = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const heading = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const asDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
  const weeks: string[][] = [];
  for (let i = 0; i < period.days.length; i += 7) weeks.push(period.days.slice(i, i + 7));
  const first = period.days[0] ?? anchor;
  const last = period.days[period.days.length - 1] ?? anchor;
  const caption =
    view === 'month'
      ? heading.format(asDate(anchor))
      : t('roles.calendar.weekOf', { from: dayNumber.format(asDate(first)), to: dayNumber.format(asDate(last)) });

  return (
    <Stack>
      <Title order={1}>{t('roles.calendar.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('roles.calendar.zone', { zone: timeZone })}
      </Text>
      <Group>
        <SegmentedControl
          aria-label={t('roles.calendar.view')}
          value={view}
          onChange={(value) => setView(value === 'month' ? 'month' : 'week')}
          data={[
            { value: 'week', label: t('roles.calendar.week') },
            { value: 'month', label: t('roles.calendar.month') },
          ]}
        />
        <Button variant="default" size="xs" onClick={() => setAnchor(step(anchor, view, -1))}>
          {t(`roles.calendar.previous.${view}`)}
        </Button>
        <Button variant="default" size="xs" onClick={() => setAnchor(today(timeZone))}>
          {t('roles.calendar.today')}
        </Button>
        <Button variant="default" size="xs" onClick={() => setAnchor(step(anchor, view, 1))}>
          {t(`roles.calendar.next.${view}`)}
        </Button>
      </Group>
      {hearings.isError ? <ErrorAlert error={hearings.error} /> : null}
      {hearings.isPending ? <PageLoader /> : null}
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders layout="fixed" aria-live="polite">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {(weeks[0] ?? []).map((day) => (
                <Table.Th key={day} scope="col">
                  {weekday.format(asDate(day))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week[0]} style={{ verticalAlign: 'top' }}>
                {week.map((day) => (
                  <Table.Td key={day} h={view === 'week' ? 160 : 90}>
                    <Text
                      size="xs"
                      fw={day === today(timeZone) ? 700 : 400}
                      c={day.slice(0, 7) === anchor.slice(0, 7) || view === 'week' ? undefined : 'dimmed'}
                    >
                      {dayNumber.format(asDate(day))}
                    </Text>
                    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {(byDay.get(day) ?? []).map((hearing) => (
                        <li key={hearing.hearingId}>
                          {/* A hearing known to the day only (a court's list of dates) shows no hour. */}
                          {hearing.scheduledAtPrecision === 'day' ? null : (
                            <>
                              <Text size="xs" component="span" fw={600}>
                                {time.format(new Date(hearing.scheduledAt))}
                              </Text>{' '}
                            </>
                          )}
                          <Anchor component={Link} to={`/cases/${hearing.caseId}`} size="xs">
                            {hearing.fullName}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t('roles.calendar.hearing', {
                              kind: t(`vocabulary.hearingKind.${hearing.kind}`),
                              court: hearing.court,
                            })}
                          </Text>
                          {hearing.status !== 'scheduled' ? (
                            <Badge size="xs" color="gray" variant="light">
                              {t(`roles.hearingStatus.${hearing.status}`)}
                            </Badge>
                          ) : null}
                        </li>
                      ))}
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {user.role === 'lawyer' ? <CalendarFeed /> : null}
    </Stack>
  );
}
