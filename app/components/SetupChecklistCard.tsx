import { Badge, Banner, BlockStack, Button, Card, InlineStack, SkeletonBodyText, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import type { ChecklistStep, StepLink } from '../../server/onboarding/checklist.ts';
import { apiFetch } from '../lib/api.ts';

interface OnboardingResponse {
  steps: ChecklistStep[];
  theme: { name: string; unreadableFiles: string[] } | null;
  themeError: 'theme_unreadable' | 'no_live_theme' | null;
}

const TEMPLATE_NAMES: Record<string, string> = { index: 'home page', product: 'product pages', cart: 'cart', collection: 'collection pages' };
const templateList = (templates: string[]) => templates.map((t) => TEMPLATE_NAMES[t] ?? `${t} template`).join(', ');

/** Each step's title, what its state means, and the words of the button that completes it. */
function describe(step: ChecklistStep): { title: string; status: string; action: string } {
  switch (step.id) {
    case 'import':
      return {
        title: 'Import your orders and catalog',
        status: { completed: 'Imported.', running: 'Importing now…', failed: 'The import stopped: see Orders and catalog below.', not_started: 'Not started yet.' }[step.state],
        action: '',
      };
    case 'notice':
      return {
        title: 'Turn on the privacy notice',
        status: {
          on: 'On in your live theme.',
          off: 'Added to your live theme, but turned off: shoppers do not see it.',
          absent: 'Not turned on in your live theme: shoppers do not see it.',
          unknown: 'Tacto could not read your live theme.',
        }[step.state],
        action: 'Turn on in the theme editor',
      };
    case 'picks':
      return {
        title: 'Place the picks block',
        status:
          step.state === 'placed'
            ? `Placed on: ${templateList(step.templates)}.`
            : step.state === 'not_placed'
              ? 'Not placed on any page of your live theme yet.'
              : 'Tacto could not read your live theme.',
        action: 'Add to product pages',
      };
    case 'persona':
      return {
        title: 'Verify who follow-ups come from',
        status: { verified: 'Reply-To address verified.', unverified: 'The Reply-To address is not verified yet.', missing: 'No sender set up yet.' }[step.state],
        action: 'Set up the sender',
      };
    case 'followups':
      return {
        title: 'Turn on follow-ups',
        status: step.state === 'on' ? 'On: one helpful email after a purchase.' : 'Off: no follow-up emails are sent.',
        action: 'Open Follow-ups',
      };
  }
}

/** In-app pages go through the app's router (as its menu does); admin pages open in the admin's top frame. */
function StepAction({ link, label }: { link: StepLink; label: string }) {
  if (link.kind === 'admin') {
    return (
      <Button url={link.href} target="_top">
        {label}
      </Button>
    );
  }
  return <Button onClick={() => document.dispatchEvent(new CustomEvent('shopify:navigate', { detail: { href: link.href } }))}>{label}</Button>;
}

/** "Get Tacto ready": each step's state read from the shop, and a way straight to what completes it. */
export function SetupChecklistCard() {
  const [data, setData] = useState<OnboardingResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => apiFetch<OnboardingResponse>('/onboarding').then(setData, (e: Error) => setError(e.message)), []);
  useEffect(() => {
    void load();
  }, [load]);
  // Right after install the import is starting or running: the step flips by itself when it ends, without a reload.
  const importing = data?.steps.some((step) => step.id === 'import' && (step.state === 'running' || step.state === 'not_started')) ?? false;
  useEffect(() => {
    if (!importing) return;
    const timer = setInterval(() => void load(), 2_000);
    return () => clearInterval(timer);
  }, [importing, load]);

  const done = data?.steps.filter((step) => step.done).length ?? 0;
  const total = data?.steps.length ?? 0;

  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Get Tacto ready
          </Text>
          {data && (
            // Words, not a second progress bar: Home's import card has the page's one progress bar.
            <Text as="p" tone="subdued">
              {done} of {total} steps done
              {data.theme ? ` · live theme: ${data.theme.name}` : ''}
            </Text>
          )}
        </BlockStack>
        {error && <Banner tone="critical">{error}</Banner>}
        {data?.themeError === 'theme_unreadable' && (
          <Banner tone="warning" title="Tacto could not read your live theme">
            <p>Whether the notice is on and where the picks block sits cannot be shown. Reopen Tacto to grant theme access if asked.</p>
          </Banner>
        )}
        {data ? (
          <ol aria-label="Setup steps" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 'var(--p-space-300)' }}>
            {data.steps.map((step) => {
              const words = describe(step);
              return (
                <li key={step.id} aria-label={words.title}>
                  <InlineStack align="space-between" blockAlign="center" gap="300" wrap>
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="h3" variant="headingSm">
                          {words.title}
                        </Text>
                        {step.done ? <Badge tone="success">Done</Badge> : <Badge tone="attention">To do</Badge>}
                      </InlineStack>
                      <Text as="p" tone="subdued">
                        {words.status}
                      </Text>
                    </BlockStack>
                    {step.link && <StepAction link={step.link} label={words.action} />}
                  </InlineStack>
                </li>
              );
            })}
          </ol>
        ) : (
          !error && <SkeletonBodyText lines={5} />
        )}
      </BlockStack>
    </Card>
  );
}
