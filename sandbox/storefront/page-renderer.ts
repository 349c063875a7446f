import { join } from 'node:path';
import type { Liquid } from 'liquidjs';
import type { SandboxStore } from '../store/store.ts';
import type { SandboxCustomer } from '../store/types.ts';
import { renderAppBlock } from './app-blocks.ts';
import type { Cart } from './cart.ts';
import { cartObject } from './cart-json.ts';
import { createShopifyLiquid } from './liquid-engine.ts';
import { collectionObject, CollectionsDrop, customerObject, requestObjects, shopObject, templateObject } from './liquid-objects.ts';
import { readLocaleFolder } from './translations.ts';

export const EXTENSION_ASSETS_PATH = '/cdn/extensions/tacto/assets';
export const THEME_ASSETS_PATH = '/cdn/theme/assets';
export const THEME_DIR = join(import.meta.dirname, 'theme');

/** Who is looking, in which language, with what in the cart: everything a page depends on besides its route. */
export interface Visit {
  locale: string;
  /** The locale came from `?locale=`, so links and forms carry it on. */
  localeFromQuery: boolean;
  /** ISO 3166-1 alpha-2: `localization.country` (country.ts). */
  country: string;
  customer: SandboxCustomer | null;
  cart: Cart;
  path: string;
  host: string;
  /**
   * The page as in a theme where the merchant has not added Tacto's app block nor turned on its app embed
   * (`?tacto=off` on any storefront URL). On Shopify the theme editor decides this; the sandbox needs it per
   * request so that the same server can show a page both ways (the Lighthouse benchmark compares them).
   */
  withoutTacto?: boolean;
}

/** A page's own content: its title (a product's, or a theme translation key) and template objects. */
export interface PageContent {
  title?: string;
  titleKey?: string;
  objects?: Record<string, unknown>;
}

export const ROUTES = {
  root_url: '/',
  cart_url: '/cart',
  cart_add_url: '/cart/add',
  cart_clear_url: '/cart/clear',
  cart_update_url: '/cart/update',
  cart_change_url: '/cart/change',
  account_login_url: '/account/login',
  account_logout_url: '/account/logout',
};

/**
 * Renders storefront pages the way Shopify assembles them: the template inside the theme layout, Tacto's app blocks
 * in the templates where the live theme (store.theme) places them (`apps.tacto_picks`), and the notice app embed
 * before </body> when the theme has it on; or neither, for a visit `withoutTacto`.
 */
export class PageRenderer {
  private readonly theme: Liquid;
  private readonly extension: Liquid;

  constructor(private readonly deps: { store: SandboxStore; extensionDir: string; themeDir?: string }) {
    const themeDir = deps.themeDir ?? THEME_DIR;
    this.theme = createShopifyLiquid({
      root: themeDir,
      partialsDir: join(themeDir, 'snippets'),
      translations: () => readLocaleFolder(join(themeDir, 'locales'), 'storefront'),
      assetBase: THEME_ASSETS_PATH,
    });
    this.extension = createShopifyLiquid({
      root: join(deps.extensionDir, 'blocks'),
      partialsDir: join(deps.extensionDir, 'snippets'),
      translations: () => readLocaleFolder(join(deps.extensionDir, 'locales'), 'storefront'),
      assetBase: EXTENSION_ASSETS_PATH,
    });
  }

  /** `pageType` is Shopify's `request.page_type`: `index`, `product`, `cart`, `customers/login`, `404`. */
  async render(pageType: string, visit: Visit, page: PageContent): Promise<string> {
    const { store } = this.deps;
    const template = templateObject(pageType);
    const scope: Record<string, unknown> = {
      shop: shopObject(store.shop),
      customer: customerObject(visit.customer),
      cart: cartObject(store, visit.cart, visit.locale),
      collections: new CollectionsDrop([...store.collections.values()].map((c) => collectionObject(c, [...store.products.values()], visit.locale))),
      template,
      routes: ROUTES,
      ...requestObjects({
        locale: visit.locale,
        primaryLocale: store.shop.primaryLocale,
        pageType,
        path: visit.path,
        host: visit.host,
        country: visit.country,
      }),
      ...page.objects,
    };
    // The live theme decides: a block renders where the merchant placed it, the notice when its embed is on.
    const placed = (name: string) => (name === 'tacto-notice' ? store.theme.isEmbedOn(name) : store.theme.blocksOn(pageType).includes(name));
    const block = async (name: string) => {
      // Without Tacto, the theme's app slots stay empty, as Shopify leaves them when the merchant added nothing.
      if (visit.withoutTacto || !placed(name)) return '';
      return renderAppBlock({
        engine: this.extension,
        extensionDir: this.deps.extensionDir,
        name,
        // Shopify's block ids are stable per placement; the sandbox has one placement per block.
        id: `sandbox-${name}`,
        locale: visit.locale,
        templateName: String(template.name),
        scope,
      });
    };
    const themeScope = {
      ...scope,
      page_title: page.title ?? '',
      page_title_key: page.titleKey ?? '',
      locale_query: visit.localeFromQuery ? `?locale=${encodeURIComponent(visit.locale)}` : '',
      locale_param: visit.localeFromQuery ? visit.locale : '',
      apps: { tacto_picks: await block('tacto-picks'), tacto_preferences: await block('tacto-preferences') },
    };
    const content = await this.theme.renderFile(`templates/${pageType}`, themeScope);
    return this.theme.renderFile('layout/theme', {
      ...themeScope,
      content_for_header: '',
      content_for_layout: content,
      app_embeds: await block('tacto-notice'),
    });
  }
}
