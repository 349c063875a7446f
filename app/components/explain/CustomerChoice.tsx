import { Autocomplete, BlockStack, Button, Icon, InlineStack, Text } from '@shopify/polaris';
import { SearchIcon } from '@shopify/polaris-icons';
import { useEffect, useRef, useState } from 'react';
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
        setProblem(body.customers.length === 0 ? `No customer matches “${wanted}”.` : null);
      } catch (failure) {
        if (current) setProblem(failure instanceof ApiError ? failure.message : 'The search did not answer. Try again.');
      } finally {
        if (current) setLoading(false);
      }
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (props.chosen) {
    const { name, email } = props.chosen;
    return (
      <BlockStack gap="100">
        <Text as="p" fontWeight="semibold">
          Customer
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="span">{email ? `${name} (${email})` : name}</Text>
          <span ref={changeBox}>
            <Button
              onClick={() => {
                setFocusNext('search');
                props.onChange(null);
              }}
              accessibilityLabel="Change customer"
            >
              Change
            </Button>
          </span>
        </InlineStack>
      </BlockStack>
    );
  }
  const options = matches.map((c) => ({ value: c.id, label: c.email ? `${c.name} (${c.email})` : c.name }));
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
          label="Customer (optional)"
          value={text}
          onChange={setText}
          autoComplete="off"
          focused={focusNext === 'search'}
          prefix={<Icon source={SearchIcon} />}
          placeholder="Name or email"
          helpText={problem ?? 'Leave empty to see what any visitor sees.'}
        />
      }
    />
  );
}
