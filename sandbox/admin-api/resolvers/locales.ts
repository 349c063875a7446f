import { STOREFRONT_LOCALES, storefrontLanguages } from '../../storefront/locale.ts';
import { requireScope } from './access.ts';
import type { AdminContext } from './context.ts';
import type { Resolvers } from './resolver-types.ts';

/** `shopLocales`: every language the sandbox storefront publishes, each published, the shop's primary marked. */
export const localeQueryResolvers: Resolvers<unknown> = {
  shopLocales: (_root, _args: { published?: boolean | null }, ctx: AdminContext) => {
    requireScope(ctx, 'shopLocales', 'read_locales');
    const primary = ctx.store.shop.primaryLocale;
    const locales = STOREFRONT_LOCALES.includes(primary) ? storefrontLanguages(primary) : [...storefrontLanguages(primary), { iso_code: primary, name: primary, endonym_name: primary, primary: true }];
    return locales.map((language) => ({ locale: language.iso_code, name: language.name, primary: language.primary, published: true }));
  },
};
