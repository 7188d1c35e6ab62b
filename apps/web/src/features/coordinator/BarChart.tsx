import { Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useI18n, useT } from '../../i18n/i18n-context';

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
}

interface Props {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** The heading of the value column (cases, minutes). */
  readonly valueLabel: string;
}

const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 220;
const WIDTH = 640;

/**
 * A horizontal bar chart drawn as SVG, with its table of numbers below it: the picture is for the eye (and to paste
 * into a report), the table is what a screen reader reads and what the figures are checked against. The SVG is an
 * image named by its title, its bars hidden from assistive technology since the table says the same.
 */
export function BarChart({ title, bars, valueLabel }: Props): ReactNode {
  const t = useT();
  const { translator } = useI18n();
  const id = useId();
  const number = new Intl.NumberFormat(translator.locale);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = WIDTH - LABEL_WIDTH - 60;
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + GAP);

  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {bars.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('roles.stats.none')}
        </Text>
      ) : (
        <>
          <svg
            role="img"
            aria-label={title}
            viewBox={`0 0 ${WIDTH} ${height}`}
            width="100%"
            style={{ maxWidth: WIDTH }}
          >
            {bars.map((bar, i) => {
              const y = i * (BAR_HEIGHT + GAP);
              const w = (bar.value / max) * plot;
              return (
                <g key={bar.key} aria-hidden="true">
                  <text
                    x={LABEL_WIDTH - 8}
                    y={y + BAR_HEIGHT / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                    fontSize="13"
                    fill="#212529"
                  >
                    {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
                  </text>
                  <rect
                    x={LABEL_WIDTH}
                    y={y}
                    width={Math.max(w, bar.value > 0 ? 2 : 0)}
                    height={BAR_HEIGHT}
                    fill="#1c7ed6"
                  />
                  <text
                    x={LABEL_WIDTH + w + 6}
                    y={y + BAR_HEIGHT / 2}
                    dominantBaseline="middle"
                    fontSize="13"
                    fill="#212529"
                  >
                    {number.format(bar.value)}
                  </text>
                </g>
              );
            })}
          </svg>
          <Table withTableBorder striped maw={WIDTH} data-chart-table={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('roles.stats.category')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {valueLabel}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {bars.map((bar) => (
                <Table.Tr key={bar.key}>
                  <Table.Th scope="row" fw={400}>
                    {bar.label}
                  </Table.Th>
                  <Table.Td ta="right">{number.format(bar.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
