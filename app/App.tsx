import { AppProvider, Card, Page, SkeletonBodyText, type AppProviderProps } from '@shopify/polaris';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute } from './lib/router.ts';
import { NAV_ITEMS } from './nav.ts';
import { FollowupsPage } from './pages/FollowupsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { RecommendationsPage } from './pages/RecommendationsPage.tsx';

// The charts library is large: only a merchant who opens Analytics downloads it.
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage.tsx').then((module) => ({ default: module.AnalyticsPage })));

/** The admin: its pages in the merchant's language (`polaris`: Polaris' own words in the same language). */
export function App({ polaris }: { polaris: AppProviderProps['i18n'] }) {
  const { t } = useTranslation();
  const path = useRoute();
  const item = NAV_ITEMS.find((entry) => entry.path === path) ?? NAV_ITEMS[0]!;
  return (
    <AppProvider i18n={polaris}>
      {/* App Bridge renders this menu in the admin's sidebar. */}
      <ui-nav-menu>
        {NAV_ITEMS.map((entry) => (
          <a key={entry.path} href={entry.path} rel={entry.path === '/' ? 'home' : undefined}>
            {t(`nav.${entry.key}.label`)}
          </a>
        ))}
      </ui-nav-menu>
      {/* Every page's main landmark: Polaris' Page draws none, and the admin frame around the app has its own. */}
      <main>
        {item.path === '/recommendations' ? (
          <RecommendationsPage />
        ) : item.path === '/follow-ups' ? (
          <FollowupsPage />
        ) : item.path === '/analytics' ? (
          <Suspense
            fallback={
              <Page title={t(`nav.${item.key}.label`)}>
                <Card>
                  <SkeletonBodyText lines={6} />
                </Card>
              </Page>
            }
          >
            <AnalyticsPage />
          </Suspense>
        ) : item.path === '/privacy' ? (
          <PrivacyPage description={t(`nav.${item.key}.description`)} />
        ) : (
          <HomePage />
        )}
      </main>
    </AppProvider>
  );
}
