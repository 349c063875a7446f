import { Badge, BlockStack, Box, InlineStack, Text } from '@shopify/polaris';
import { FIELD_NAMES, type LintFinding } from '../../lib/followups.ts';

/**
 * The copy linter's findings as the merchant types: errors (which block saving) before warnings, each quoting
 * the words it is about. A polite live region, so screen readers hear new findings without losing their place.
 */
export function LintFindings({ findings, checking }: { findings: LintFinding[]; checking: boolean }) {
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section aria-labelledby="copy-check-heading">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm" id="copy-check-heading">
            Copy check
          </Text>
          {checking && (
            <Text as="span" tone="subdued">
              Checking…
            </Text>
          )}
        </InlineStack>
        <div aria-live="polite">
          {sorted.length === 0 ? (
            <Text as="p" tone="success">
              No problems found: nothing here tells the buyer they were watched.
            </Text>
          ) : (
            <BlockStack gap="200">
              <Text as="p" tone={errors > 0 ? 'critical' : 'subdued'}>
                {errors > 0
                  ? `${errors === 1 ? 'One error blocks' : `${errors} errors block`} saving.`
                  : 'Only warnings: you can save, but read them first.'}
              </Text>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
                {sorted.map((finding) => (
                  <li key={`${finding.field}:${finding.rule}:${finding.start}:${finding.end}`}>
                    <Box padding="200" borderRadius="200" background={finding.severity === 'error' ? 'bg-surface-critical' : 'bg-surface-warning'}>
                      <BlockStack gap="100">
                        <InlineStack gap="200" blockAlign="center">
                          <Badge tone={finding.severity === 'error' ? 'critical' : 'warning'}>{finding.severity === 'error' ? 'Error' : 'Warning'}</Badge>
                          <Text as="span" variant="bodySm" tone="subdued">
                            {FIELD_NAMES[finding.field]}
                          </Text>
                        </InlineStack>
                        {finding.excerpt && (
                          <Text as="p" fontWeight="semibold">
                            “{finding.excerpt}”
                          </Text>
                        )}
                        <Text as="p">{finding.message}</Text>
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
