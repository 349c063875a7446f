import { BlockStack, Box, Text } from '@shopify/polaris';
import type { MailPreview as Preview } from '../../lib/followups.ts';

/**
 * The follow-up exactly as it would be sent to a recent buyer: the envelope lines, then the HTML in a frame
 * with no permissions at all (no scripts, no forms, no navigation), so the mail's markup cannot touch the admin.
 */
export function MailPreview({ preview }: { preview: Preview }) {
  return (
    <BlockStack gap="200">
      <Box padding="300" background="bg-surface-secondary" borderRadius="200">
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 4, margin: 0 }}>
          <dt>
            <Text as="span" tone="subdued">
              From
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text as="span">
              {preview.from.name} &lt;{preview.from.address}&gt;
            </Text>
          </dd>
          <dt>
            <Text as="span" tone="subdued">
              Reply-To
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text as="span">{preview.replyTo}</Text>
          </dd>
          <dt>
            <Text as="span" tone="subdued">
              Subject
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text as="span" fontWeight="semibold">
              {preview.subject}
            </Text>
          </dd>
        </dl>
      </Box>
      <iframe
        sandbox=""
        srcDoc={preview.html}
        title="Preview of the follow-up email"
        style={{ width: '100%', height: 640, border: '1px solid var(--p-color-border)', borderRadius: 8, background: '#fff' }}
      />
    </BlockStack>
  );
}
