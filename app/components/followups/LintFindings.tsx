import { Badge, BlockStack, Box, InlineStack, Text } from '@shopify/polaris';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LintFinding } from '../../lib/followups.ts';

/** A finding in the admin's language, from its code and params (the server sends no sentence). */
export function findingText(t: TFunction<'followups'>, finding: LintFinding): string {
  const topic = finding.params.topic ? t(`lint.topics.${finding.params.topic}`) : '';
  return t(`lint.codes.${finding.code}`, { excerpt: finding.params.excerpt, topic, product: '{{ product.title }}', guide: '{{ guide.title }}' });
}

/**
 * The copy linter's findings as the merchant types: errors (which block saving) before warnings, each quoting
 * the words it is about. A polite live region, so screen readers hear new findings without losing their place.
 */
export function LintFindings({ findings, checking }: { findings: LintFinding[]; checking: boolean }) {
  const { t } = useTranslation('followups');
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section aria-labelledby="copy-check-heading">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm" id="copy-check-heading">
            {t('lint.title')}
          </Text>
          {checking && (
            <Text as="span" tone="subdued">
              {t('lint.checking')}
            </Text>
          )}
        </InlineStack>
        <div aria-live="polite">
          {sorted.length === 0 ? (
            <Text as="p" tone="success">
              {t('lint.clean')}
            </Text>
          ) : (
            <BlockStack gap="200">
              <Text as="p" tone={errors > 0 ? 'critical' : 'subdued'}>
                {errors > 0 ? t('lint.errorsBlock', { count: errors }) : t('lint.onlyWarnings')}
              </Text>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
                {sorted.map((finding) => (
                  <li key={`${finding.field}:${finding.rule}:${finding.start}:${finding.end}`}>
                    <Box padding="200" borderRadius="200" background={finding.severity === 'error' ? 'bg-surface-critical' : 'bg-surface-warning'}>
                      <BlockStack gap="100">
                        <InlineStack gap="200" blockAlign="center">
                          <Badge tone={finding.severity === 'error' ? 'critical' : 'warning'}>{finding.severity === 'error' ? t('lint.error') : t('lint.warning')}</Badge>
                          <Text as="span" variant="bodySm" tone="subdued">
                            {t(`lint.fields.${finding.field}`)}
                          </Text>
                        </InlineStack>
                        {finding.excerpt && (
                          <Text as="p" fontWeight="semibold">
                            “{finding.excerpt}”
                          </Text>
                        )}
                        <Text as="p">{findingText(t, finding)}</Text>
                      </BlockStack>
                    </Box>
                  </li>
                ))}
              </ul>
            </BlockStack>
          )}
        </div>
      </BlockStack>
    </section>
  );
}
