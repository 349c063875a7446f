import { BlockStack, Button, InlineStack, Text } from '@shopify/polaris';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusAfterPicker } from '../../lib/focus-after-picker.ts';

export interface ChosenResource {
  /** GID, as App Bridge names it. */
  id: string;
  title: string;
}

/**
 * One labelled choice of products or a collection made with App Bridge's resource picker: what is chosen, by
 * name, and a button to choose or change it. Nobody types an id.
 */
export function ResourceChoice(props: {
  label: string;
  type: 'product' | 'collection';
  multiple?: number;
  chosen: ChosenResource[];
  onChange(chosen: ChosenResource[]): void;
}) {
  const { t, i18n } = useTranslation('recommendations');
  const [unavailable, setUnavailable] = useState(false);
  const buttonBox = useRef<HTMLSpanElement>(null);
  const kind = props.type === 'product' ? (props.multiple ? 'Products' : 'Product') : 'Collection';
  const pick = async () => {
    if (!window.shopify) return setUnavailable(true);
    const selection = await window.shopify.resourcePicker({
      type: props.type,
      action: 'select',
      multiple: props.multiple ?? false,
      selectionIds: props.chosen.map((c) => ({ id: c.id })),
    });
    // Cancelling keeps what was chosen before.
    if (selection) props.onChange(selection.map((s) => ({ id: s.id, title: s.title })));
    focusAfterPicker(buttonBox.current);
  };
  const names = props.chosen.map((c) => c.title).join(', ');
  const choose = t(`explain.resource.choose${kind}`);
  return (
    <BlockStack gap="100">
      <Text as="p" fontWeight="semibold">
        {props.label}
      </Text>
      <InlineStack gap="200" blockAlign="center">
        <Text as="span" tone={names ? undefined : 'subdued'}>
          {names || (props.type === 'product' ? t('explain.resource.noProduct') : t('explain.resource.noCollection'))}
        </Text>
        <span ref={buttonBox}>
          <Button onClick={pick} accessibilityLabel={names ? t('explain.resource.changeLabel', { what: props.label.toLocaleLowerCase(i18n.language) }) : choose}>
            {names ? t('explain.resource.change') : choose}
          </Button>
        </span>
      </InlineStack>
      {unavailable && (
        <Text as="p" tone="critical">
          {t(`explain.resource.unavailable${kind}`)}
        </Text>
      )}
    </BlockStack>
  );
}
