import { z } from 'zod';

/**
 * Pure: where Tacto stands in a theme, read from the files Shopify keeps. App embeds are listed in
 * `config/settings_data.json` under `current.blocks` (type `shopify://apps/<app>/blocks/<handle>/<uid>`, with a
 * `disabled` flag); app blocks sit in JSON templates' sections (`sections.<id>.blocks.<id>.type`, same form).
 * Shopify writes these files with a `/* … *\/` header, which JSON.parse refuses, so it is stripped first.
 */

export const NOTICE_EMBED = 'tacto-notice';
export const PICKS_BLOCK = 'tacto-picks';

/** `notice`: on (added and enabled), off (added, turned off) or absent (never added). */
export type EmbedState = 'on' | 'off' | 'absent';

export interface ThemeSetup {
  notice: EmbedState;
  /** The templates (`product`, `index`, `product.alternate`…) holding the picks block, sorted. */
  picksTemplates: string[];
  /** Files that could not be read as JSON: said, not guessed at. */
  unreadable: string[];
}

/** Removes leading block and line comments (Shopify's generated-file header), leaving the JSON. */
export function stripLeadingComments(text: string): string {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      if (end < 0) return trimmed;
      rest = trimmed.slice(end + 2);
    } else if (trimmed.startsWith('//')) {
      const end = trimmed.indexOf('\n');
      rest = end < 0 ? '' : trimmed.slice(end + 1);
    } else {
      return trimmed;
    }
  }
}

const APP_BLOCK_TYPE = /^shopify:\/\/apps\/[^/]+\/blocks\/([^/]+)\/[^/]+$/;

/**
 * The block handle of an app block or embed type, or null for a theme's own block. Any app segment is accepted:
 * Shopify spells it from the app's handle, which a merchant's Partner app may name differently from ours.
 */
export function appBlockHandle(type: unknown): string | null {
  if (typeof type !== 'string') return null;
  return APP_BLOCK_TYPE.exec(type)?.[1] ?? null;
}

const blockShape = z.object({ type: z.string(), disabled: z.boolean().optional() }).passthrough();
const settingsDataShape = z.object({ current: z.union([z.object({ blocks: z.record(z.string(), z.unknown()).optional() }).passthrough(), z.string()]) }).passthrough();
const templateShape = z
  .object({ sections: z.record(z.string(), z.object({ blocks: z.record(z.string(), z.unknown()).optional(), disabled: z.boolean().optional() }).passthrough()) })
  .passthrough();

function parseJson(text: string): unknown {
  try {
    return JSON.parse(stripLeadingComments(text));
  } catch {
    return undefined;
  }
}

/** The notice embed's state in settings_data.json's text, or null when the text is not a settings file. */
export function noticeEmbedState(settingsData: string, handle = NOTICE_EMBED): EmbedState | null {
  const parsed = settingsDataShape.safeParse(parseJson(settingsData));
  if (!parsed.success) return null;
  // `current` is a preset's name when the merchant picked a preset untouched: no app embeds then.
  const current = parsed.data.current;
  if (typeof current === 'string') return 'absent';
  let state: EmbedState = 'absent';
  for (const raw of Object.values(current.blocks ?? {})) {
    const block = blockShape.safeParse(raw);
    if (!block.success || appBlockHandle(block.data.type) !== handle) continue;
    if (!block.data.disabled) return 'on';
    state = 'off';
  }
  return state;
}

/** Whether a JSON template places the block (in a section that is not disabled, the block not disabled); null if unreadable. */
export function templateHasBlock(template: string, handle = PICKS_BLOCK): boolean | null {
  const parsed = templateShape.safeParse(parseJson(template));
  if (!parsed.success) return null;
  return Object.values(parsed.data.sections).some(
    (section) =>
      !section.disabled &&
      Object.values(section.blocks ?? {}).some((raw) => {
        const block = blockShape.safeParse(raw);
        return block.success && !block.data.disabled && appBlockHandle(block.data.type) === handle;
      }),
  );
}

/** `templates/product.alternate.json` → `product.alternate`; null for anything but a JSON template. */
export function templateName(filename: string): string | null {
  return /^templates\/(.+)\.json$/.exec(filename)?.[1] ?? null;
}

/** Tacto's standing in a theme from its files (settings_data.json and JSON templates; others ignored). */
export function themeSetup(files: readonly { filename: string; content: string }[]): ThemeSetup {
  const unreadable: string[] = [];
  let notice: EmbedState = 'absent';
  const picksTemplates: string[] = [];
  for (const file of files) {
    if (file.filename === 'config/settings_data.json') {
      const state = noticeEmbedState(file.content);
      if (state === null) unreadable.push(file.filename);
      else notice = state;
      continue;
    }
    const name = templateName(file.filename);
    if (name === null) continue;
    const placed = templateHasBlock(file.content);
    if (placed === null) unreadable.push(file.filename);
    else if (placed) picksTemplates.push(name);
  }
  return { notice, picksTemplates: picksTemplates.sort(), unreadable };
}
