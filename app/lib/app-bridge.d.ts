/** A resource as App Bridge's resource picker hands it over (the fields the admin reads). */
interface PickedResource {
  /** The resource's GID, e.g. gid://shopify/Product/123. */
  id: string;
  title: string;
  handle?: string;
  images?: { originalSrc?: string; altText?: string | null }[];
}

/** The part of App Bridge's global `shopify` object the admin uses (App Bridge 4 names). */
interface ShopifyGlobal {
  /** Resolves to the chosen resources, or undefined when the merchant cancels. */
  resourcePicker(options: {
    type: 'product' | 'variant' | 'collection';
    action?: 'add' | 'select';
    multiple?: boolean | number;
    query?: string;
    selectionIds?: { id: string }[];
  }): Promise<PickedResource[] | undefined>;
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
