import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import type { AnyWriteForm } from './forms/registry';
import { TOPIC_ORDER, topicOf } from './forms/topics';

interface Props {
  /** The writes this person may record on this case (formsFor decides; the menus only group them). */
  readonly offered: readonly AnyWriteForm[];
  readonly onOpen: (formId: string) => void;
}

/**
 * The writes grouped in a few menus by topic (custody; charges and court; torture and complaints; health and access;
 * the person; the case). Mantine's Menu gives the keyboard its due: Enter or the arrows open a menu, the arrows move
 * within it, Escape closes it and focus returns to its button. A topic with nothing offered is left out.
 */
export function WriteMenus({ offered, onOpen }: Props): ReactNode {
  const t = useT();
  const topics = TOPIC_ORDER.map((topic) => ({
    topic,
    forms: offered.filter((form) => topicOf(form.id) === topic),
  })).filter(({ forms }) => forms.length > 0);
  return (
    <Group gap="xs" component="nav" aria-label={t('console.case.record')}>
      {topics.map(({ topic, forms }) => (
        // No focus placeholder: Mantine's (a tabindex div with role=presentation) is a child axe-core refuses in a
        // role=menu; focus goes to the first write instead.
        <Menu key={topic} position="bottom-start" withinPortal={false} withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} aria-hidden />}>
              {t(`console.case.topic.${topic}`)}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {forms.map((form) => (
              <Menu.Item key={form.id} color={form.id === 'erase' ? 'red' : undefined} onClick={() => onOpen(form.id)}>
                {t(`console.form.${form.id}.title`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ))}
    </Group>
  );
}
