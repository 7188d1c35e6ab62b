import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps<T> {
  /** The column heads, in the person's language. */
  readonly columns: readonly string[];
  readonly rows: readonly T[];
  /** One `Table.Tr` per row. */
  readonly row: (item: T, index: number) => ReactNode;
  /** Said instead of the table when there are no rows; without it the heads stand over no rows. */
  readonly empty?: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  readonly minWidth: number;
  readonly maw?: number;
}

/** A list as a striped table under its column heads, or a sentence saying the list is empty. */
export function DataTable<T>({ columns, rows, row, empty, minWidth, maw }: DataTableProps<T>): ReactNode {
  if (rows.length === 0 && empty !== undefined) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth} maw={maw}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map(row)}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
