import { BlockStack, Button, InlineStack, Text } from '@shopify/polaris';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusAfterPicker } from '../../lib/focus-after-picker.ts';

/**
 * One kind of rule as a labelled list: each entry by name with its own Remove button (named for screen readers),
 * or a line saying there are none.
 */
export function RuleList(props: { heading: string; empty: string; items: { key: string; label: ReactNode; removeLabel: string; onRemove(): void }[]; busy: boolean }) {
  const { t } = useTranslation('recommendations');
  return (
    <BlockStack gap="100">
      <Text as="h4" variant="headingSm">
        {props.heading}
      </Text>
      {props.items.length === 0 ? (
        <Text as="p" tone="subdued">
          {props.empty}
        </Text>
      ) : (
        <ul aria-label={props.heading} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
          {props.items.map((item) => (
            <li key={item.key} style={{ padding: '4px 0' }}>
              <InlineStack gap="200" blockAlign="center" wrap={false}>
                <Text as="span">{item.label}</Text>
                <Button variant="plain" tone="critical" onClick={item.onRemove} disabled={props.busy} accessibilityLabel={item.removeLabel}>
                  {t('merchandising.remove')}
                </Button>
              </InlineStack>
            </li>
          ))}
        </ul>
      )}
    </BlockStack>
  );
}

/**
 * A button that opens App Bridge's resource picker: once the picker closes, the keyboard carries on from this
 * button (the picker took focus out of the app's frame).
 */
export function PickerButton(props: { label: string; accessibilityLabel?: string; disabled?: boolean; onPick(): Promise<void> }) {
  const box = useRef<HTMLSpanElement>(null);
  const click = async () => {
    await props.onPick();
    focusAfterPicker(box.current);
  };
  return (
    <span ref={box}>
      <Button onClick={click} disabled={props.disabled} accessibilityLabel={props.accessibilityLabel}>
        {props.label}
      </Button>
    </span>
  );
}
