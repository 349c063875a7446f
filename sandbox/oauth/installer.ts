/**
 * Installs the app into the sandbox shop through the real OAuth flow, acting as the merchant's browser:
 * it opens the app's /api/auth, follows the redirect to the shop's authorize page (the shop's host is the
 * sandbox), and returns to the app's callback carrying the signed state cookie the app set.
 */
export async function installThroughOAuth(input: { appUrl: URL; shopDomain: string; sandboxUrl: URL }): Promise<void> {
  const cookies = new Map<string, string>();
  const headers = () => ({
    // A browser-like agent: Shopify's library refuses OAuth steps that come from bots.
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) TactoSandbox/1.0',
    Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  });
  const step = async (url: URL, expect: string): Promise<URL> => {
    const response = await fetch(url, { redirect: 'manual', headers: headers() });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const location = response.headers.get('location');
    if (response.status !== 302 || !location) {
      throw new Error(`Sandbox install failed at ${expect}: HTTP ${response.status} ${await response.text()}`);
    }
    return new URL(location, url);
  };

  const authorize = await step(new URL(`/api/auth?shop=${encodeURIComponent(input.shopDomain)}`, input.appUrl), 'the app\'s /api/auth');
  if (authorize.host !== input.shopDomain) throw new Error(`The app redirected to ${authorize.host}, not to the shop`);
  // The shop's domain stands for the sandbox, as DNS would make it for a real shop.
  const onSandbox = new URL(authorize.pathname + authorize.search, input.sandboxUrl);
  const callback = await step(onSandbox, 'the shop\'s authorize page');
  await step(callback, 'the app\'s OAuth callback');
}
