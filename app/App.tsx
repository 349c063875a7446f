import { AppProvider, Card, Page, SkeletonBodyText } from '@shopify/polaris';
import { lazy, Suspense } from 'react';
import en from '@shopify/polaris/locales/en.json';
import { useRoute } from './lib/router.ts';
import { NAV_ITEMS } from './nav.ts';
import { FollowupsPage } from './pages/FollowupsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { RecommendationsPage } from './pages/RecommendationsPage.tsx';

// The charts library is large: only a merchant who opens Analytics downloads it.
const AnalyticsPage = lazy(() => import('./pages/AnalyticsPage.tsx').then((module) => ({ default: module.AnalyticsPage })));

export function App() {
  const path = useRoute();
  const item = NAV_ITEMS.find((entry) => entry.path === path) ?? NAV_ITEMS[0]!;
  return (
    <AppProvider i18n={en}>
      {/* App Bridge renders this menu in the admin's sidebar. */}
      <ui-nav-menu>
        {NAV_ITEMS.map((entry) => (
          <a key={entry.path} href={entry.path} rel={entry.path === '/' ? 'home' : undefined}>
            {entry.label}
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
              <Page title={item.label}>
                <Card>
                  <SkeletonBodyText lines={6} />
                </Card>
              </Page>
            }
          >
            <AnalyticsPage />
          </Suspense>
        ) : item.path === '/privacy' ? (
          <PrivacyPage description={item.description} />
        ) : (
          <HomePage />
        )}
      </main>
    </AppProvider>
  );
}
