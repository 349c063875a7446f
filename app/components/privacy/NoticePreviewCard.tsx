import { Banner, BlockStack, Card, Select, SkeletonBodyText, Tabs, Text } from '@shopify/polaris';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text.ts';
import { NOTICE_LOCALES, privacyApi, type NoticeLocale, type NoticePreview } from '../../lib/privacy-api.ts';

/** Countries whose buyers may read a regional paragraph (market presets), and a few large markets to compare. */
const COUNTRIES = ['AR', 'BR', 'MX', 'DE', 'ES', 'PT', 'GB', 'US'] as const;

/**
 * The storefront notice, open, in a frame that runs no script (it shares the admin's origin only so the page can
 * size the frame to the notice): one tab per storefront language, and the buyer's country for regional wording.
 */
export function NoticePreviewCard() {
  const { t, i18n } = useTranslation('privacy');
  const errorText = useErrorText('privacy');
  // Country names in the admin's language, sorted as that language sorts them.
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region' });
    return COUNTRIES.map((code) => ({ label: names.of(code) ?? code, value: code as string })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [i18n.language]);
  const [selected, setSelected] = useState(0);
  const [country, setCountry] = useState('');
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locale = NOTICE_LOCALES[selected]!;

  useEffect(() => {
    let current = true;
    setError(null);
    privacyApi.notice(locale, country || null).then(
      (loaded) => current && setPreview(loaded),
      (failure: unknown) => current && setError(errorText(failure)),
    );
    return () => {
      current = false;
    };
  }, [locale, country, errorText]);

  const tabs = NOTICE_LOCALES.map((code) => ({ id: `notice-${code}`, content: t(`languages.${code}`), panelID: `notice-${code}-panel` }));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t('notice.title')}
        </Text>
        <Text as="p" tone="subdued">
          {t('notice.intro')}
        </Text>
        <Select
          label={t('notice.country')}
          options={[{ label: t('notice.anyCountry'), value: '' }, ...countries]}
          value={country}
          onChange={setCountry}
        />
        <Tabs tabs={tabs} selected={selected} onSelect={setSelected}>
          <div id={`notice-${locale}-panel`} role="tabpanel" aria-labelledby={`notice-${locale}`}>
            {error ? (
              <Banner tone="critical" title={t('notice.failed')}>
                <p>{error}</p>
              </Banner>
            ) : preview && preview.locale === locale ? (
              <NoticeFrame document={preview.document} title={t('notice.frameTitle', { language: t(`languages.${locale}`) })} />
            ) : (
              <SkeletonBodyText lines={8} />
            )}
          </div>
        </Tabs>
      </BlockStack>
    </Card>
  );
}

function NoticeFrame({ document, title }: { document: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(600);
  const measure = useCallback(() => {
    const doc = frame.current?.contentDocument;
    if (doc?.documentElement) setHeight(Math.ceil(Math.max(doc.documentElement.scrollHeight, doc.body?.scrollHeight ?? 0)));
  }, []);
  return (
    <iframe
      ref={frame}
      // No allow-scripts: nothing in the notice runs; allow-same-origin only lets the page read its height.
      sandbox="allow-same-origin"
      srcDoc={document}
      title={title}
      onLoad={measure}
      style={{ display: 'block', width: '100%', height, border: '1px solid var(--p-color-border)', borderRadius: 8, background: '#fff', marginTop: 12 }}
    />
  );
}
