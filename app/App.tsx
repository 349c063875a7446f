import { AppProvider } from '@shopify/polaris';
import en from '@shopify/polaris/locales/en.json';
import { useRoute } from './lib/router.ts';
import { NAV_ITEMS } from './nav.ts';
import { FollowupsPage } from './pages/FollowupsPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { PlannedPage } from './pages/PlannedPage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { RecommendationsPage } from './pages/RecommendationsPage.tsx';

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
      {item.path === '/' ? (
        <HomePage />
      ) : item.path === '/recommendations' ? (
        <RecommendationsPage />
      ) : item.path === '/follow-ups' ? (
        <FollowupsPage />
      ) : item.path === '/privacy' ? (
        <PrivacyPage description={item.description} />
      ) : (
        <PlannedPage title={item.label} description={item.description} />
      )}
    </AppProvider>
  );
}
