import '@shopify/polaris/build/esm/styles.css';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { adminLocale } from './i18n/admin-locale.ts';
import { loadAdminI18n } from './i18n/load-i18n.ts';

const locale = adminLocale();
document.documentElement.lang = locale;
void loadAdminI18n(locale).then(({ i18n, polaris }) => {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18n}>
      <App polaris={polaris} />
    </I18nextProvider>,
  );
});
