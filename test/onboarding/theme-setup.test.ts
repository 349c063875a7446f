import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxTheme } from '../../sandbox/store/theme.ts';
import { activateNoticeLink, addPicksLink, checklist } from '../../server/onboarding/checklist.ts';
import { noticeEmbedState, stripLeadingComments, templateHasBlock, themeSetup } from '../../server/onboarding/theme-setup.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/theme', name), 'utf8');

describe('reading Tacto\'s place in a theme from its files', () => {
  it('reads JSON that Shopify wrote with its generated-file comment on top', () => {
    expect(() => JSON.parse(fixture('product.json'))).toThrow();
    expect(JSON.parse(stripLeadingComments(fixture('product.json'))).order).toEqual(['main', 'related-products']);
    expect(stripLeadingComments('// a note\n/* and */ {"a": 1}')).toBe('{"a": 1}');
  });

  it('tells an embed turned off from one never added, among other apps\' embeds', () => {
    expect(noticeEmbedState(fixture('settings_data.json'))).toBe('off');
    const on = fixture('settings_data.json').replace('"disabled": true', '"disabled": false');
    expect(noticeEmbedState(on)).toBe('on');
    expect(noticeEmbedState('{"current": {"blocks": {}}}')).toBe('absent');
    // A preset chosen and left untouched: `current` names it, and holds no embeds.
    expect(noticeEmbedState('{"current": "Default", "presets": {}}')).toBe('absent');
    expect(noticeEmbedState('not json')).toBeNull();
  });

  it('finds the picks block in a section\'s blocks, and not when the block is disabled', () => {
    expect(templateHasBlock(fixture('product.json'))).toBe(true);
    expect(templateHasBlock(fixture('index.json'))).toBe(false);
    // Another app handle (a staging copy of the app) still places Tacto's block.
    expect(templateHasBlock(fixture('collection.json'))).toBe(true);
    const sectionOff = fixture('product.json').replace('"type": "main-product",', '"type": "main-product", "disabled": true,');
    expect(templateHasBlock(sectionOff)).toBe(false);
    expect(templateHasBlock('{"sections": 3}')).toBeNull();
  });

  it('sums a theme up: the notice\'s state, the templates holding picks, the files it could not read', () => {
    const setup = themeSetup([
      { filename: 'config/settings_data.json', content: fixture('settings_data.json') },
      { filename: 'templates/product.json', content: fixture('product.json') },
      { filename: 'templates/index.json', content: fixture('index.json') },
      { filename: 'templates/collection.json', content: fixture('collection.json') },
      { filename: 'templates/page.contact.json', content: '/* broken' },
      { filename: 'sections/header-group.json', content: fixture('product.json') },
    ]);
    expect(setup).toEqual({ notice: 'off', picksTemplates: ['collection', 'product'], unreadable: ['templates/page.contact.json'] });
  });

  it('reads the sandbox theme\'s files as the storefront renders them', () => {
    const theme = new SandboxTheme('bare');
    expect(themeSetup(theme.files())).toEqual({ notice: 'absent', picksTemplates: [], unreadable: [] });
    theme.activateEmbed('tacto-notice');
    theme.addBlock('product', 'tacto-picks');
    expect(themeSetup(theme.files())).toEqual({ notice: 'on', picksTemplates: ['product'], unreadable: [] });
    expect(themeSetup(new SandboxTheme('demo').files())).toEqual({ notice: 'on', picksTemplates: ['cart', 'index', 'product'], unreadable: [] });
  });
});

describe('the checklist', () => {
  const base = { apiKey: 'key123', backfill: 'completed' as const, persona: 'verified' as const, followupsEnabled: true };

  it('links each open theme step to the theme editor deep link that completes it', () => {
    const steps = checklist({ ...base, theme: { notice: 'off', picksTemplates: [], unreadable: [] } });
    expect(steps.find((s) => s.id === 'notice')).toEqual({
      id: 'notice',
      done: false,
      state: 'off',
      link: { kind: 'admin', href: 'shopify://admin/themes/current/editor?context=apps&activateAppId=key123%2Ftacto-notice' },
    });
    expect(steps.find((s) => s.id === 'picks')).toMatchObject({ done: false, state: 'not_placed', link: { kind: 'admin', href: addPicksLink('key123') } });
    expect(new URL(addPicksLink('key123').replace('shopify://', 'https://')).searchParams.get('addAppBlockId')).toBe('key123/tacto-picks');
    expect(activateNoticeLink('k')).toContain('context=apps');
  });

  it('closes steps that are done and sends persona and follow-ups to the Follow-ups page', () => {
    const done = checklist({ ...base, theme: { notice: 'on', picksTemplates: ['product'], unreadable: [] } });
    expect(done.every((step) => step.done && step.link === null)).toBe(true);
    const open = checklist({ ...base, backfill: null, persona: 'unverified', followupsEnabled: false, theme: null });
    expect(open.map((step) => [step.id, step.state, step.link?.href ?? null])).toEqual([
      ['import', 'not_started', null],
      ['notice', 'unknown', activateNoticeLink('key123')],
      ['picks', 'unknown', addPicksLink('key123')],
      ['persona', 'unverified', '/follow-ups'],
      ['followups', 'off', '/follow-ups'],
    ]);
  });
});
