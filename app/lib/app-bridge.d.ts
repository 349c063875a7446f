/** The part of App Bridge's global `shopify` object the admin uses (App Bridge 4 names). */
interface ShopifyGlobal {
  config: { apiKey: string; shop: string; host: string; locale?: string };
  idToken(): Promise<string>;
  toast: { show(message: string, options?: { isError?: boolean; duration?: number }): void };
}

declare global {
  interface Window {
    shopify?: ShopifyGlobal;
  }
  namespace JSX {
    interface IntrinsicElements {
      'ui-nav-menu': React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement>;
    }
  }
}

export {};
