import { Anchor, Badge, Group, List, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { DataTable } from '../../shared/DataTable';
import { PagePicker } from '../../shared/PagePicker';
import {
  type Decision,
  type Decisions,
  type ImportKind,
  type ImportRowCheck,
  isRowCandidate,
  type RowOutcome,
} from './api';
import { decisionOf, decisionValue } from './decisions';

/** Rows drawn at a time: a 10,000-row list is read a page at a time, never drawn whole. */
export const PAGE_SIZE = 50;

type Filter = RowOutcome | 'all';
const OUTCOMES: readonly RowOutcome[] = ['new', 'duplicate', 'invalid'];
const COLOURS: Readonly<Record<RowOutcome, string>> = { new: 'green', duplicate: 'orange', invalid: 'red' };

interface Props {
  readonly kind: ImportKind;
  readonly rows: readonly ImportRowCheck[];
  readonly decisions: Decisions;
  readonly onDecide: (row: number, decision: Decision | undefined) => void;
  readonly disabled: boolean;
}

export function countOutcomes(rows: readonly ImportRowCheck[]): Record<RowOutcome, number> {
  const counts: Record<RowOutcome, number> = { new: 0, duplicate: 0, invalid: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/** The dry run's rows, filtered by outcome and a page at a time, with a choice for each possible duplicate. */
export function CheckedRows({ kind, rows, decisions, onDecide, disabled }: Props): ReactNode {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  // Four choices side by side do not fit a phone: they stand one above the other there.
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const [page, setPage] = useState(1);
  const counts = countOutcomes(rows);
  const shown = filter === 'all' ? rows : rows.filter((row) => row.outcome === filter);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  return (
    <Stack>
      <SegmentedControl
        aria-label={t('console.imports.filter')}
        orientation={narrow ? 'vertical' : 'horizontal'}
        value={filter}
        onChange={(value) => {
          setFilter(value === 'new' || value === 'duplicate' || value === 'invalid' ? value : 'all');
          setPage(1);
        }}
        data={[
          { value: 'all', label: t('console.imports.filter.all', { count: rows.length }) },
          ...OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t(`console.imports.filter.${outcome}`, { count: counts[outcome] }),
          })),
        ]}
        fullWidth={narrow}
      />
      {/* The outcome above the row's details, in one column: the table fits a phone's width. */}
      <DataTable
        columns={[t('console.imports.row'), t('console.imports.details')]}
        rows={slice}
        empty={t('console.imports.noRows')}
        minWidth={320}
        row={(row) => (
          <Table.Tr key={row.row} data-import-row={row.row}>
            <Table.Th scope="row" w={64}>
              {row.row}
            </Table.Th>
            <Table.Td>
              <Stack gap={6} align="flex-start">
                {row.fullName === null ? null : <Text fw={600}>{row.fullName}</Text>}
                {/* The colour is the background's: the word itself is in the text colour, legible on every tint. */}
                <Badge
                  color={COLOURS[row.outcome]}
                  variant="light"
                  tt="none"
                  styles={{ root: { color: 'var(--mantine-color-text)' } }}
                >
                  {t(`console.imports.outcome.${row.outcome}`)}
                </Badge>
                <RowDetails
                  kind={kind}
                  row={row}
                  decision={decisions[row.row]}
                  onDecide={onDecide}
                  disabled={disabled}
                />
              </Stack>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {pages > 1 ? <PagePicker pages={pages} page={current} onChange={setPage} /> : null}
    </Stack>
  );
}

interface DetailsProps {
  readonly kind: ImportKind;
  readonly row: ImportRowCheck;
  readonly decision: Decision | undefined;
  readonly onDecide: (row: number, decision: Decision | undefined) => void;
  readonly disabled: boolean;
}

function RowDetails({ kind, row, decision, onDecide, disabled }: DetailsProps): ReactNode {
  const t = useT();
  const candidates = row.possibleDuplicates;
  return (
    <Stack gap={6}>
      {row.errors.length > 0 ? (
        <List size="sm" spacing={2}>
          {row.errors.map((problem, index) => (
            <List.Item key={`${problem.field}-${index}`}>
              <Text size="sm" span fw={500}>
                {problem.field}
              </Text>
              <Text size="sm" span>
                {`: ${problem.message}`}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : null}
      {candidates.length > 0 ? (
        <>
          <Text size="sm">{t(kind === 'cases' ? 'console.imports.mayBe' : 'console.imports.hearingOf')}</Text>
          <List size="sm" spacing={2}>
            {candidates.map((candidate) => (
              <List.Item key={isRowCandidate(candidate) ? `row-${candidate.row}` : candidate.caseId}>
                {isRowCandidate(candidate) ? (
                  t('console.imports.sameFileRow', { row: candidate.row })
                ) : (
                  <Group gap={6} component="span">
                    <Anchor component={Link} to={`/cases/${candidate.caseId}`} target="_blank">
                      {candidate.fullName}
                    </Anchor>
                    <Text size="xs" c="dimmed" span>
                      {candidate.city}
                    </Text>
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {row.outcome === 'duplicate' ? (
        <NativeSelect
          label={t('console.imports.decisionFor', { row: row.row })}
          size="sm"
          maw={360}
          disabled={disabled}
          value={decisionValue(decision)}
          onChange={(event) => onDecide(row.row, decisionOf(event.currentTarget.value))}
          data={[
            { value: '', label: t('console.imports.decision.none') },
            // A court's list opens no case: its hearing goes to one of the cases it may be about, or is left out.
            ...(kind === 'cases' ? [{ value: 'new', label: t('console.imports.decision.new') }] : []),
            ...candidates.map((candidate) => ({
              value: `addTo:${candidate.caseId}`,
              label: isRowCandidate(candidate)
                ? t('console.imports.decision.addToRow', { row: candidate.row })
                : t('console.imports.decision.addTo', { name: candidate.fullName, city: candidate.city }),
            })),
            { value: 'skip', label: t('console.imports.decision.skip') },
          ]}
        />
      ) : null}
    </Stack>
  );
}
