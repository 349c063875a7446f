import { Badge, Banner, BlockStack, Button, Card, InlineStack, SkeletonBodyText, Text } from '@shopify/polaris';
import { useCallback, useEffect, useState } from 'react';
import type { ChecklistStep, StepLink } from '../../server/onboarding/checklist.ts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-text.ts';
import { useFormat } from '../i18n/format.ts';
import { apiFetch } from '../lib/api.ts';

interface OnboardingResponse {
  steps: ChecklistStep[];
  theme: { name: string; unreadableFiles: string[] } | null;
  themeError: 'theme_unreadable' | 'no_live_theme' | null;
}

const KNOWN_TEMPLATES = ['index', 'product', 'cart', 'collection'] as const;

/** Each step's title, what its state means, and the words of the button that completes it. */
function describe(step: ChecklistStep, t: TFunction<'home'>, list: (items: string[]) => string): { title: string; status: string; action: string } {
  switch (step.id) {
    case 'import':
      return { title: t('checklist.import.title'), status: t(`checklist.import.${step.state}`), action: '' };
    case 'notice':
      return { title: t('checklist.notice.title'), status: t(`checklist.notice.${step.state}`), action: t('checklist.notice.action') };
    case 'picks': {
      const templates = list(
        step.templates.map((name) =>
          (KNOWN_TEMPLATES as readonly string[]).includes(name)
            ? t(`checklist.templates.${name as (typeof KNOWN_TEMPLATES)[number]}`)
            : t('checklist.templates.other', { template: name }),
        ),
      );
      return { title: t('checklist.picks.title'), status: t(`checklist.picks.${step.state}`, { templates }), action: t('checklist.picks.action') };
    }
    case 'persona':
      return { title: t('checklist.persona.title'), status: t(`checklist.persona.${step.state}`), action: t('checklist.persona.action') };
    case 'followups':
      return { title: t('checklist.followups.title'), status: t(`checklist.followups.${step.state}`), action: t('checklist.followups.action') };
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
  const { t } = useTranslation('home');
  const format = useFormat();
  const errorText = useErrorText('home');
  const [data, setData] = useState<OnboardingResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => apiFetch<OnboardingResponse>('/onboarding').then(setData, setError), []);
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
            {t('checklist.title')}
          </Text>
          {data && (
            // Words, not a second progress bar: Home's import card has the page's one progress bar.
            <Text as="p" tone="subdued">
              {t('checklist.progress', { done: format.number(done), count: total })}
              {data.theme ? ` · ${t('checklist.liveTheme', { name: data.theme.name })}` : ''}
            </Text>
          )}
        </BlockStack>
        {error !== null && <Banner tone="critical">{errorText(error)}</Banner>}
        {data?.themeError === 'theme_unreadable' && (
          <Banner tone="warning" title={t('checklist.themeUnreadable.title')}>
            <p>{t('checklist.themeUnreadable.body')}</p>
          </Banner>
        )}
        {data ? (
          <ol aria-label={t('checklist.stepsLabel')} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 'var(--p-space-300)' }}>
            {data.steps.map((step) => {
              const words = describe(step, t, (items) => format.list(items));
              return (
                <li key={step.id} aria-label={words.title}>
                  <InlineStack align="space-between" blockAlign="center" gap="300" wrap>
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Text as="h3" variant="headingSm">
                          {words.title}
                        </Text>
                        {step.done ? <Badge tone="success">{t('checklist.done')}</Badge> : <Badge tone="attention">{t('checklist.toDo')}</Badge>}
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
          error === null && <SkeletonBodyText lines={5} />
        )}
      </BlockStack>
    </Card>
  );
}
