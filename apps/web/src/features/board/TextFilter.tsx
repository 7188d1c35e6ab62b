import { TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useRef, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'search' | 'text';
  readonly description?: string;
}

/**
 * A text filter that follows typing: the list asks the API once the person pauses (300 ms), not at every key, and a
 * change of the URL from elsewhere (back button, a shared link) shows in the field.
 */
export function TextFilter({ label, value, onChange, type = 'text', description }: Props): ReactNode {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  const sent = useRef(value);

  useEffect(() => {
    if (debounced.trim() !== sent.current) {
      sent.current = debounced.trim();
      onChange(debounced.trim());
    }
  }, [debounced, onChange]);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      label={label}
      description={description}
      type={type}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
    />
  );
}
