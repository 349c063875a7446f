import { Autocomplete, BlockStack, Button, Icon, InlineStack, Text } from '@shopify/polaris';
import { SearchIcon } from '@shopify/polaris-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text.ts';
import { ApiError, apiFetch } from '../../lib/api.ts';

export interface ChosenCustomer {
  /** GID, as the Admin API names the customer. */
  id: string;
  name: string;
  email: string | null;
}

/**
 * The customer to explain picks for, found by name or email. App Bridge's resource picker has no customer type,
 * so this searches the store's customers through Tacto's server (which asks the Admin API and keeps nothing).
 */
export function CustomerChoice(props: { chosen: ChosenCustomer | null; onChange(chosen: ChosenCustomer | null): void }) {
  const { t, i18n } = useTranslation('recommendations');
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<ChosenCustomer[]>([]);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Where the keyboard goes when one view replaces the other: the search after "Change", "Change" after a choice.
  const [focusNext, setFocusNext] = useState<'search' | 'change' | null>(null);
  const changeBox = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (focusNext === 'change') changeBox.current?.querySelector('button')?.focus();
  }, [focusNext, props.chosen]);

  useEffect(() => {
    const wanted = text.trim();
    if (wanted.length < 2) {
      setMatches([]);
      setProblem(null);
      return;
    }
    let current = true;
    // Waits for a pause in typing, so one search runs per word rather than per key.
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const body = await apiFetch<{ customers: ChosenCustomer[] }>(`/recommendations/customers?${new URLSearchParams({ query: wanted })}`);
        if (!current) return;
        setMatches(body.customers);
        setProblem(body.customers.length === 0 ? t('explain.customer.noMatch', { text: wanted }) : null);
      } catch (failure) {
        if (current) setProblem(failure instanceof ApiError && failure.status < 500 ? errorText(i18n, failure, 'recommendations') : t('explain.customer.searchFailed'));
      } finally {
        if (current) setLoading(false);
      }
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The admin's language is fixed for the page's life: the search runs again only when the text changes.
  }, [text]);

  if (props.chosen) {
    const { name, email } = props.chosen;
    return (
      <BlockStack gap="100">
        <Text as="p" fontWeight="semibold">
          {t('explain.customer.chosen')}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="span">{email ? t('explain.customer.withEmail', { name, email }) : name}</Text>
          <span ref={changeBox}>
            <Button
              onClick={() => {
                setFocusNext('search');
                props.onChange(null);
              }}
              accessibilityLabel={t('explain.customer.changeLabel')}
            >
              {t('explain.customer.change')}
            </Button>
          </span>
        </InlineStack>
      </BlockStack>
    );
  }
  const options = matches.map((c) => ({ value: c.id, label: c.email ? t('explain.customer.withEmail', { name: c.name, email: c.email }) : c.name }));
  return (
    <Autocomplete
      options={options}
      selected={[]}
      loading={loading}
      emptyState={problem ? <Text as="p">{problem}</Text> : undefined}
      onSelect={(selected) => {
        const customer = matches.find((c) => c.id === selected[0]);
        if (customer) {
          setFocusNext('change');
          props.onChange(customer);
          setText('');
        }
      }}
      textField={
        <Autocomplete.TextField
          label={t('explain.customer.label')}
          value={text}
          onChange={setText}
          autoComplete="off"
          focused={focusNext === 'search'}
          prefix={<Icon source={SearchIcon} />}
          placeholder={t('explain.customer.placeholder')}
          helpText={problem ?? t('explain.customer.help')}
        />
      }
    />
  );
}
