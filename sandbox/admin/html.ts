import { escapeHtml } from '../html-escape.ts';

export { escapeHtml };

/** The languages the switch offers, named in themselves as Shopify admin names them. */
export const ADMIN_LANGUAGES: [tag: string, name: string][] = [
  ['en', 'English'],
  ['es', 'Español'],
  ['pt-BR', 'Português (Brasil)'],
];

/**
 * The staff member's language, as in Shopify admin's profile: choosing one reloads the page with `?locale=`, which
 * the sandbox remembers (a cookie) and passes to the app on every load. The sandbox's own pages stay English.
 */
const LANGUAGE_SWITCH = `<form class="language" method="get">
  <label for="admin-language">Language</label>
  <select id="admin-language" name="locale" onchange="this.form.submit()">
    ${ADMIN_LANGUAGES.map(([tag, name]) => `<option value="${tag}" lang="${tag}">${name}</option>`).join('')}
  </select>
  <noscript><button>Switch</button></noscript>
</form>
<script>(() => {
  const chosen = new URLSearchParams(location.search).get('locale') || (document.cookie.match(/(?:^|;\\s*)sandbox_admin_locale=([^;]*)/) || [])[1];
  const select = document.getElementById('admin-language');
  if (chosen && [...select.options].some((option) => option.value === decodeURIComponent(chosen))) select.value = decodeURIComponent(chosen);
})();</script>`;

/** The sandbox admin's page chrome: a top bar naming the shop and the language switch, a sidebar, and the page's content. */
export function adminPage(input: { title: string; shopName: string; sidebar: string; body: string; script?: string; head?: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${input.head ?? ''}
<title>${escapeHtml(input.title)} · ${escapeHtml(input.shopName)} · Sandbox admin</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #303030; background: #f1f1f1; display: grid;
         grid-template: "top top" 48px "side main" 1fr / 220px 1fr; height: 100vh; }
  header { grid-area: top; background: #1a1a1a; color: #fff; display: flex; align-items: center; padding: 0 16px; gap: 12px; }
  header strong { font-weight: 600; }
  header span { color: #b5b5b5; }
  header .language { margin-left: auto; display: flex; align-items: center; gap: 8px; }
  header .language label { color: #fff; font-weight: 600; }
  header .language select { font: inherit; padding: 4px 8px; border-radius: 8px; border: 1px solid #8a8a8a; background: #fff; color: #303030; }
  nav { grid-area: side; padding: 12px 8px; border-right: 1px solid #e3e3e3; background: #ebebeb; overflow: auto; }
  nav a { display: block; padding: 6px 10px; border-radius: 8px; color: #303030; text-decoration: none; }
  nav a:hover, nav a[aria-current="page"] { background: #fff; }
  nav .app-links a { padding-left: 24px; }
  main { grid-area: main; overflow: auto; padding: 0; }
  main.padded { padding: 24px; }
  iframe { border: 0; width: 100%; height: 100%; display: block; }
  .card { background: #fff; border-radius: 12px; padding: 16px 20px; margin-bottom: 16px; box-shadow: 0 1px 0 #d4d4d4; }
  button { font: inherit; padding: 6px 14px; border-radius: 8px; border: 1px solid #8a8a8a; background: #303030; color: #fff; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e3e3; }
  #toast { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); background: #1a1a1a; color: #fff; padding: 10px 16px; border-radius: 10px; }
  #toast[hidden] { display: none; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
<header><strong>${escapeHtml(input.shopName)}</strong><span>Sandbox admin — an offline stand-in for Shopify admin</span>${LANGUAGE_SWITCH}</header>
<nav aria-label="Sandbox admin">${input.sidebar}</nav>
${input.body}
<div id="toast" role="status" aria-live="polite" hidden></div>
${input.script ? `<script>${input.script}</script>` : ''}
</body>
</html>`;
}
