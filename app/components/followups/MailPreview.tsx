import { BlockStack, Box, Button, ButtonGroup, Text } from '@shopify/polaris';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailPreview as Preview } from '../../lib/followups.ts';

/** The widths the preview is shown at: a desktop mail client's reading pane, a phone. */
export const PREVIEW_WIDTHS = { desktop: 680, phone: 375 } as const;
type Width = keyof typeof PREVIEW_WIDTHS;

/**
 * The follow-up exactly as it would be sent to a recent buyer: the envelope lines, then the HTML in a frame at a
 * desktop or a phone's width, as tall as the mail (never cut off, no inner scrollbar). The frame runs no script
 * and allows no form or navigation; it shares the admin's origin only so the page can read the mail's height.
 */
export function MailPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation('followups');
  const [width, setWidth] = useState<Width>('desktop');
  const [height, setHeight] = useState(480);
  const frame = useRef<HTMLIFrameElement>(null);

  const measure = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (!doc?.documentElement) return;
    setHeight(Math.ceil(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0)));
  }, []);
  // Measured when the mail has loaded (pictures are data URLs, loaded by then) and whenever it reflows.
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    let observer: ResizeObserver | undefined;
    const onLoad = () => {
      measure();
      observer?.disconnect();
      const body = element.contentDocument?.body;
      if (body) {
        observer = new ResizeObserver(measure);
        observer.observe(body);
      }
    };
    element.addEventListener('load', onLoad);
    return () => {
      element.removeEventListener('load', onLoad);
      observer?.disconnect();
    };
  }, [measure]);
  useEffect(measure, [width, measure]);

  return (
    <BlockStack gap="200">
      <Box padding="300" background="bg-surface-secondary" borderRadius="200">
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 4, margin: 0 }}>
          <dt>
            <Text as="span" tone="subdued">
              {t('mailPreview.from')}
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text as="span">
              {`${preview.from.name} <${preview.from.address}>`}
            </Text>
          </dd>
          <dt>
            <Text as="span" tone="subdued">
              {t('mailPreview.replyTo')}
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text as="span">{preview.replyTo}</Text>
          </dd>
          <dt>
            <Text as="span" tone="subdued">
              {t('mailPreview.subject')}
            </Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text as="span" fontWeight="semibold">
              {preview.subject}
            </Text>
          </dd>
        </dl>
      </Box>
      <ButtonGroup variant="segmented">
        <Button pressed={width === 'desktop'} onClick={() => setWidth('desktop')}>
          {t('mailPreview.desktop')}
        </Button>
        <Button pressed={width === 'phone'} onClick={() => setWidth('phone')}>
          {t('mailPreview.phone')}
        </Button>
      </ButtonGroup>
      <div style={{ overflowX: 'auto' }}>
        <iframe
          ref={frame}
          // No allow-scripts: with allow-same-origin alone the mail still runs nothing, and the page can measure it.
          sandbox="allow-same-origin"
          srcDoc={preview.html}
          title={t('mailPreview.frameTitle')}
          lang={preview.locale}
          data-width={width}
          style={{
            display: 'block',
            boxSizing: 'content-box',
            width: PREVIEW_WIDTHS[width],
            maxWidth: width === 'desktop' ? '100%' : undefined,
            height,
            border: '1px solid var(--p-color-border)',
            borderRadius: 8,
            background: '#fff',
          }}
        />
      </div>
    </BlockStack>
  );
}
