import { Anchor, Button, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context';
import type { FactLine } from './words';

/** Free text longer than this shows its beginning and a "show more" (a testimony can run to pages). */
export const CLAMP_CHARACTERS = 240;

/** A fact's details as a description list: each label and its value, long texts clamped until asked for. */
export function FactDetails({ lines, label }: { lines: readonly FactLine[]; label: string }): ReactNode {
  if (lines.length === 0) return null;
  return (
    <dl aria-label={label} style={{ margin: '4px 0' }}>
      {lines.map((line, index) => (
        <Text key={index} size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600} component="dt" display="inline">
            {line.label}:
          </Text>{' '}
          <Text span component="dd" display="inline" m={0}>
            {line.href !== undefined ? (
              <Anchor component={Link} to={line.href} size="sm">
                {line.value}
              </Anchor>
            ) : line.long === true ? (
              <Clamped text={line.value} />
            ) : (
              line.value
            )}
          </Text>
        </Text>
      ))}
    </dl>
  );
}

function Clamped({ text }: { text: string }): ReactNode {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (text.length <= CLAMP_CHARACTERS) return <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>;
  return (
    <>
      <span style={{ whiteSpace: 'pre-wrap' }}>{open ? text : `${text.slice(0, CLAMP_CHARACTERS).trimEnd()}…`}</span>{' '}
      <Button variant="subtle" size="compact-xs" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'console.fact.showLess' : 'console.fact.showMore')}
      </Button>
    </>
  );
}
