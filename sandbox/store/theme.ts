/**
 * The sandbox shop's live (MAIN) theme, as far as apps are concerned: which app embeds are on
 * (`config/settings_data.json`) and which app blocks sit in which JSON template (`templates/<name>.json`).
 * The storefront renders from this state and the Admin API serves it as those files, in the shape Shopify
 * writes them, so what an app reads is what shoppers see. The theme editor's deep links change it.
 */

/** The app's handle in block types (`shopify://apps/<handle>/blocks/…`), as shopify.app.toml names it. */
export const SANDBOX_APP_HANDLE = 'tacto';
/** The theme app extension's id; Shopify puts the extension's uuid last in every block type. */
export const SANDBOX_EXTENSION_UID = '0d6b6a4e-58a1-4f6b-9c1e-7a3f2e5d9b10';
/** The JSON templates of the sandbox theme: the pages the storefront has sections on. */
export const THEME_TEMPLATES = ['index', 'product', 'cart'] as const;
export type ThemeTemplate = (typeof THEME_TEMPLATES)[number];

// Shopify prefixes the JSON files it writes with this comment; apps reading them must cope.
const GENERATED_HEADER = `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 *
 * This file may be updated by the Shopify admin theme editor
 * or related systems. Please exercise caution as any changes
 * made to this file may be overwritten.
 * ------------------------------------------------------------
 */
`;

const MAIN_SECTION_TYPE: Record<ThemeTemplate, string> = { index: 'featured-collection', product: 'main-product', cart: 'main-cart-items' };

export interface ThemeFile {
  filename: string;
  content: string;
}

export interface ThemeState {
  /** App embeds added to the theme, on or off (an embed once added stays listed when turned off, as on Shopify). */
  embeds: Map<string, { disabled: boolean }>;
  /** App blocks per template, in the order they were placed. */
  blocks: Map<ThemeTemplate, string[]>;
}

export class SandboxTheme {
  readonly id = 130_000_000_001;
  readonly name = 'Dawn';
  readonly createdAt: string;
  updatedAt: string;
  private state: ThemeState;

  constructor(start: 'demo' | 'bare', now: Date = new Date()) {
    this.createdAt = now.toISOString();
    this.updatedAt = this.createdAt;
    this.state = start === 'demo' ? demoState() : bareState();
  }

  /** Back to a theme as a fresh install finds it (`bare`), or as the demo store ships (`demo`). */
  reset(start: 'demo' | 'bare', now: Date = new Date()): void {
    this.state = start === 'demo' ? demoState() : bareState();
    this.updatedAt = now.toISOString();
  }

  isEmbedOn(handle: string): boolean {
    const embed = this.state.embeds.get(handle);
    return embed !== undefined && !embed.disabled;
  }

  blocksOn(template: string): readonly string[] {
    return this.state.blocks.get(template as ThemeTemplate) ?? [];
  }

  /** What Save does on `activateAppId=…/<handle>`: the embed is added, or turned back on. */
  activateEmbed(handle: string, now: Date = new Date()): void {
    this.state.embeds.set(handle, { disabled: false });
    this.updatedAt = now.toISOString();
  }

  /** What Save does on `addAppBlockId=…/<handle>&template=…`: one more placement (a theme may hold several). */
  addBlock(template: ThemeTemplate, handle: string, now: Date = new Date()): void {
    this.state.blocks.set(template, [...this.blocksOn(template), handle]);
    this.updatedAt = now.toISOString();
  }

  /** The theme's files an app can read: settings_data.json and every JSON template. */
  files(): ThemeFile[] {
    return [
      { filename: 'config/settings_data.json', content: settingsData(this.state) },
      ...THEME_TEMPLATES.map((template) => ({ filename: `templates/${template}.json`, content: templateJson(template, this.blocksOn(template)) })),
    ];
  }
}

function demoState(): ThemeState {
  return {
    embeds: new Map([['tacto-notice', { disabled: false }]]),
    blocks: new Map<ThemeTemplate, string[]>([
      ['index', ['tacto-picks', 'tacto-preferences']],
      ['product', ['tacto-picks']],
      ['cart', ['tacto-picks']],
    ]),
  };
}

function bareState(): ThemeState {
  return { embeds: new Map(), blocks: new Map() };
}

const blockType = (handle: string) => `shopify://apps/${SANDBOX_APP_HANDLE}/blocks/${handle}/${SANDBOX_EXTENSION_UID}`;

/** Shopify keys app embeds and blocks with numeric-looking ids; stable ones keep the files diffable. */
const blockId = (handle: string, index: number) => `${handle.replace(/-/g, '_')}_${String(9_000_000_000 + index)}`;

function settingsData(state: ThemeState): string {
  const blocks = Object.fromEntries(
    [...state.embeds].map(([handle, { disabled }], index) => [
      String(17_000_000_000_000_000 + index),
      { type: blockType(handle), disabled, settings: {} },
    ]),
  );
  const current = { logo_width: 90, colors_solid_button_labels: '#FFFFFF', blocks };
  return GENERATED_HEADER + JSON.stringify({ current, presets: { Default: { logo_width: 90 } } }, null, 2);
}

function templateJson(template: ThemeTemplate, handles: readonly string[]): string {
  const blocks = Object.fromEntries(handles.map((handle, index) => [blockId(handle, index), { type: blockType(handle), settings: {} }]));
  const main = {
    type: MAIN_SECTION_TYPE[template],
    blocks: { title: { type: 'title', settings: {} }, ...blocks },
    block_order: ['title', ...Object.keys(blocks)],
    settings: {},
  };
  return GENERATED_HEADER + JSON.stringify({ sections: { main }, order: ['main'] }, null, 2);
}
