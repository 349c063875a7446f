/**
 * The sandbox's `collections` global speaks Shopify's Liquid: iterable, readable by handle, titles in the page's
 * language from the store's translations.
 */
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { collectionObject, CollectionsDrop } from '../../../sandbox/storefront/liquid-objects.ts';
import { newTestStore } from '../../support/sandbox-store.ts';

function globalFor(locale: string) {
  const store = newTestStore();
  store.addCollection({ handle: 'winter', title: 'Winter', translations: { es: { title: 'Invierno' } } });
  store.addCollection({ handle: 'photography', title: 'Photography' });
  return new CollectionsDrop([...store.collections.values()].map((c) => collectionObject(c, [], locale)));
}

const render = (template: string, locale: string) => new Liquid().parseAndRender(template, { collections: globalFor(locale) });

describe('the collections global', () => {
  it('iterates every collection with its id, in the page language where a translation exists', async () => {
    const list = '{% for c in collections %}{{ c.handle }}={{ c.title }};{% endfor %}{{ collections.size }}';
    expect(await render(list, 'es')).toBe('winter=Invierno;photography=Photography;2');
    expect(await render(list, 'en')).toBe('winter=Winter;photography=Photography;2');
    expect(await render('{{ collections.first.id }}', 'en')).toMatch(/^\d+$/);
  });

  it('reads a collection by handle, and nothing for an unknown one', async () => {
    expect(await render("{{ collections['winter'].title }}|{{ collections.winter.url }}|{{ collections.nope.title }}", 'es')).toBe(
      'Invierno|/collections/winter|',
    );
  });
});
