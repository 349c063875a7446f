import { Banner, BlockStack, Card, Select, SkeletonBodyText, Tabs, Text } from '@shopify/polaris';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NOTICE_LOCALES, privacyApi, type NoticeLocale, type NoticePreview } from '../../lib/privacy-api.ts';

const LANGUAGE_NAMES: Record<NoticeLocale, string> = { en: 'English', es: 'Español', 'pt-BR': 'Português (Brasil)' };
/** Countries whose buyers may read a regional paragraph (market presets), and a few large markets to compare. */
const COUNTRIES = ['AR', 'BR', 'MX', 'DE', 'ES', 'PT', 'GB', 'US'] as const;
const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

const TEXT = {
  title: 'The notice shoppers read',
  intro:
    'The "Why am I seeing this?" notice exactly as your storefront shows it once opened, in each of its languages, with the numbers Tacto runs with today. It is rendered from the theme app extension itself, so it always matches what shoppers get.',
  country: "Buyer's country",
  anyCountry: 'Not set',
  frameTitle: (language: string) => `Storefront notice in ${language}`,
  failed: 'Tacto could not render the notice',
};

/**
 * The storefront notice, open, in a frame that runs no script (it shares the admin's origin only so the page can
 * size the frame to the notice): one tab per storefront language, and the buyer's country for regional wording.
 */
export function NoticePreviewCard() {
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
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [locale, country]);

  const tabs = NOTICE_LOCALES.map((code) => ({ id: `notice-${code}`, content: LANGUAGE_NAMES[code], panelID: `notice-${code}-panel` }));
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {TEXT.title}
        </Text>
        <Text as="p" tone="subdued">
          {TEXT.intro}
        </Text>
        <Select
          label={TEXT.country}
          options={[{ label: TEXT.anyCountry, value: '' }, ...COUNTRIES.map((code) => ({ label: countryNames.of(code) ?? code, value: code }))]}
          value={country}
          onChange={setCountry}
        />
        <Tabs tabs={tabs} selected={selected} onSelect={setSelected}>
          <div id={`notice-${locale}-panel`} role="tabpanel" aria-labelledby={`notice-${locale}`}>
            {error ? (
              <Banner tone="critical" title={TEXT.failed}>
                <p>{error}</p>
              </Banner>
            ) : preview && preview.locale === locale ? (
              <NoticeFrame document={preview.document} title={TEXT.frameTitle(LANGUAGE_NAMES[locale])} />
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
