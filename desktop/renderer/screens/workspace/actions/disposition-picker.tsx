import { NavLink, ScrollArea, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispositionNode } from '@atendo/shared/rules/close-conversation';

export type DispositionPickerProps = {
  tree: readonly DispositionNode[];
  value: string | null;
  onChange: (id: string) => void;
};

const matches = (node: DispositionNode, needle: string): boolean =>
  node.name.toLowerCase().includes(needle) || node.children.some((c) => matches(c, needle));

/** Nested dispositions (groups open, leaves pickable) with a search that keeps the path visible. */
export function DispositionPicker({ tree, value, onChange }: DispositionPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const render = (nodes: readonly DispositionNode[]) =>
    nodes
      .filter((node) => needle === '' || matches(node, needle))
      .map((node) =>
        node.children.length > 0 ? (
          <NavLink
            key={node.id}
            label={node.name}
            defaultOpened
            childrenOffset="md"
            opened={needle !== '' ? true : undefined}
          >
            {render(node.children)}
          </NavLink>
        ) : (
          <NavLink
            key={node.id}
            label={node.name}
            active={node.id === value}
            disabled={!node.selectable}
            onClick={() => {
              onChange(node.id);
            }}
            role="radio"
            aria-checked={node.id === value}
          />
        ),
      );
  const items = render(tree);
  return (
    <>
      <TextInput
        aria-label={t('close.search')}
        placeholder={t('close.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
        }}
      />
      <ScrollArea.Autosize mah={280} role="radiogroup" aria-label={t('close.disposition')}>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('close.none')}
          </Text>
        ) : (
          items
        )}
      </ScrollArea.Autosize>
    </>
  );
}
