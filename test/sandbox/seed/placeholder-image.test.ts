import { describe, expect, it } from 'vitest';
import { hueFromHandle, renderPlaceholderSvg, wrapTitle } from '../../../sandbox/seed/placeholder-image.ts';

describe('renderPlaceholderSvg', () => {
  it('draws an accessible SVG that names the product', () => {
    const svg = renderPlaceholderSvg({ handle: 'wool-overcoat', title: 'Charcoal Wool Overcoat' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Charcoal Wool Overcoat"');
    expect(svg).toContain('<title>Charcoal Wool Overcoat</title>');
    expect(svg).toContain('>Charcoal Wool<');
  });

  it('escapes the title so a product name cannot inject markup', () => {
    const svg = renderPlaceholderSvg({ handle: 'x', title: '<script>alert("hi")</script> & "Co"' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;script&#62;');
    expect(svg).toContain('&#38;');
    expect(svg).not.toMatch(/aria-label="[^"]*"[^ >]/); // the attribute is not broken open by a quote
  });

  it('colours by handle: stable for one handle, different for others', () => {
    expect(hueFromHandle('cat-food-salmon')).toBe(hueFromHandle('cat-food-salmon'));
    const hues = new Set(['wool-overcoat', 'puffer-jacket', 'city-stroller', 'cat-food-salmon', 'packing-cubes'].map(hueFromHandle));
    expect(hues.size).toBeGreaterThanOrEqual(4);
    const svg = renderPlaceholderSvg({ handle: 'wool-overcoat', title: 'Coat' });
    expect(svg).toContain(`hsl(${hueFromHandle('wool-overcoat')} 55% 88%)`);
  });
});

describe('wrapTitle', () => {
  it('wraps on words and cuts with an ellipsis past the last line', () => {
    expect(wrapTitle('Discreet Incontinence Pads, 24 Pack', 18, 3)).toEqual(['Discreet', 'Incontinence Pads,', '24 Pack']);
    expect(wrapTitle('one two three four five six seven eight', 9, 2)).toEqual(['one two', 'three…']);
    expect(wrapTitle('Supercalifragilisticexpialidocious', 10, 3)).toEqual(['Supercalifragilisticexpialidocious']);
  });
});
