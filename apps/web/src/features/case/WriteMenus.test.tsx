import { MantineProvider } from '@mantine/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithConsole, translator } from '../../../test/render';
import { fullCase } from '../../../test/write-fixtures';
import { formsFor, WRITE_FORMS } from './forms';
import { TOPIC_ORDER, WRITE_TOPICS } from './forms/topics';
import { WriteMenus } from './WriteMenus';

const en = translator('en');

function renderMenus(role: 'coordinator' | 'lawyer', detail = fullCase()) {
  const opened: string[] = [];
  // env="test": Mantine renders the menu without its fade, which jsdom never finishes.
  renderWithConsole(
    <MantineProvider env="test">
      <WriteMenus offered={formsFor(role, detail)} onOpen={(id) => opened.push(id)} />
    </MantineProvider>,
  );
  return opened;
}

/** The titles of the items of one topic's menu, opened by its button. */
async function itemsOf(topic: string): Promise<string[]> {
  await userEvent.click(screen.getByRole('button', { name: en.t(`console.case.topic.${topic}`) }));
  const menu = await screen.findByRole('menu');
  const titles = (await within(menu).findAllByRole('menuitem')).map((item) => item.textContent ?? '');
  await userEvent.keyboard('{Escape}');
  return titles;
}

describe('the write menus', () => {
  it('every write of the console is in exactly one topic', () => {
    const grouped = Object.values(WRITE_TOPICS).flat();
    expect([...grouped].sort()).toEqual(WRITE_FORMS.map((form) => form.id).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('shows six menus by topic instead of a row of buttons, each titled from the catalogue', () => {
    renderMenus('coordinator');
    const nav = screen.getByRole('navigation', { name: 'Record a fact' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(TOPIC_ORDER.map((topic) => en.t(`console.case.topic.${topic}`)));
    expect(screen.queryAllByRole('menuitem')).toEqual([]);
  });

  it('offers a coordinator every write the case allows, grouped, and opens the one chosen', async () => {
    const opened = renderMenus('coordinator');
    const all: string[] = [];
    for (const topic of TOPIC_ORDER) all.push(...(await itemsOf(topic)));
    expect(all.sort()).toEqual(
      formsFor('coordinator', fullCase())
        .map((f) => en.t(`console.form.${f.id}.title`))
        .sort(),
    );
    expect(await itemsOf('case')).toEqual(
      ['note', 'close', 'merge', 'erase'].map((id) => en.t(`console.form.${id}.title`)),
    );
    await userEvent.click(screen.getByRole('button', { name: en.t('console.case.topic.court') }));
    await userEvent.click(await screen.findByRole('menuitem', { name: en.t('console.form.hearing.title') }));
    expect(opened).toEqual(['hearing']);
  });

  it('offers a lawyer no merge or erase, and no reopen on an open case', async () => {
    renderMenus('lawyer');
    const caseItems = await itemsOf('case');
    expect(caseItems).toContain(en.t('console.form.close.title'));
    for (const id of ['merge', 'erase', 'reopen']) expect(caseItems).not.toContain(en.t(`console.form.${id}.title`));
  });

  it('works from the keyboard: a menu opens with Enter, the arrows move, Enter chooses', async () => {
    const opened = renderMenus('coordinator');
    const custody = screen.getByRole('button', { name: en.t('console.case.topic.custody') });
    custody.focus();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    expect((await within(menu).findAllByRole('menuitem'))[0]?.textContent).toBe(en.t('console.form.detention.title'));
    // Focus lands on the first write; each arrow moves one down.
    await waitFor(() => expect(document.activeElement?.textContent).toBe(en.t('console.form.detention.title')));
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(opened).toEqual(['transfer']);
  });
});
