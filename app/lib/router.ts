import { useEffect, useState } from 'react';

/**
 * Client-side routing for a handful of pages. Navigation comes from App Bridge's menu as a
 * `shopify:navigate` event (how App Bridge 4 hands menu clicks to apps) and from the browser history.
 */
export function useRoute(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onNavigate = (event: Event) => {
      const href = (event as CustomEvent<{ href?: string }>).detail?.href ?? (event.target as Element | null)?.getAttribute?.('href');
      if (!href) return;
      const url = new URL(href, window.location.origin);
      // Keep the launch parameters (shop, host…) in the address, as App Bridge does.
      window.history.pushState(null, '', url.pathname + window.location.search);
      setPath(url.pathname);
    };
    const onPop = () => setPath(window.location.pathname);
    document.addEventListener('shopify:navigate', onNavigate);
    window.addEventListener('popstate', onPop);
    return () => {
      document.removeEventListener('shopify:navigate', onNavigate);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return path;
}
