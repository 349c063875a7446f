import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import type { AppRegistration } from '../app-registration.ts';
import type { SandboxStore } from '../store/store.ts';
import { THEME_TEMPLATES, type ThemeTemplate } from '../store/theme.ts';
import { escapeHtml } from './html.ts';

export const THEME_EDITOR_PATH = '/admin/themes/current/editor';
const EXTENSION_DIR = join(import.meta.dirname, '../../extensions/tacto');

interface ExtensionBlock {
  handle: string;
  name: string;
  /** `body`: an app embed; `section`: an app block a merchant places in a template. */
  target: 'body' | 'section';
  templates: string[] | null;
}

/** The theme app extension's blocks as the theme editor lists them, read from each block's {% schema %}. */
function extensionBlocks(): ExtensionBlock[] {
  const names = JSON.parse(readFileSync(join(EXTENSION_DIR, 'locales/en.default.schema.json'), 'utf8')) as { blocks?: Record<string, { name?: string }> };
  return readdirSync(join(EXTENSION_DIR, 'blocks'))
    .filter((file) => file.endsWith('.liquid'))
    .map((file) => {
      const source = readFileSync(join(EXTENSION_DIR, 'blocks', file), 'utf8');
      const schema = JSON.parse(/{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(source)?.[1] ?? '{}') as {
        name?: string;
        target?: string;
        enabled_on?: { templates?: string[] };
      };
      const key = schema.name?.startsWith('t:blocks.') ? schema.name.slice('t:blocks.'.length).split('.')[0]! : '';
      return {
        handle: file.slice(0, -'.liquid'.length),
        name: names.blocks?.[key]?.name ?? schema.name ?? file,
        target: schema.target === 'body' ? 'body' : 'section',
        templates: schema.enabled_on?.templates ?? null,
      } satisfies ExtensionBlock;
    });
}

const appBlockId = z.string().max(200).regex(/^[^/]+\/[a-z0-9-]+$/);
const editorQuery = z.object({
  context: z.string().max(20).optional(),
  activateAppId: appBlockId.optional(),
  addAppBlockId: appBlockId.optional(),
  template: z.string().max(60).optional(),
  target: z.string().max(100).optional(),
  saved: z.string().max(10).optional(),
});
const saveForm = z.discriminatedUnion('action', [
  z.object({ action: z.literal('activate'), handle: z.string().max(60) }),
  z.object({ action: z.literal('add'), handle: z.string().max(60), template: z.enum(THEME_TEMPLATES) }),
]);

type Change = { action: 'activate'; block: ExtensionBlock } | { action: 'add'; block: ExtensionBlock; template: ThemeTemplate };

/**
 * The sandbox's theme editor, for the deep links an app gives a merchant: `?context=apps&activateAppId=<api_key>/<embed>`
 * opens App embeds with that embed switched on, `?template=<t>&addAppBlockId=<api_key>/<block>&target=mainSection`
 * opens the template with the block added. As on Shopify nothing changes until Save; the page says what will.
 * Saving changes the live theme: the storefront renders it and the Admin API serves its files accordingly.
 */
export function themeEditorRoutes(deps: { store: SandboxStore; app: AppRegistration; appPath: string; page(title: string, body: string): string }): Router {
  const { store, app } = deps;
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '2kb' });
  const blocks = extensionBlocks();

  /** The change a deep link asks for, or why it cannot be made (the words Shopify's editor would show). */
  const changeOf = (query: z.infer<typeof editorQuery>): Change | { error: string } | null => {
    const id = query.activateAppId ?? query.addAppBlockId;
    if (!id) return null;
    const [apiKey, handle] = id.split('/') as [string, string];
    const block = blocks.find((b) => b.handle === handle);
    if (apiKey !== app.apiKey || !block) return { error: `No app block or embed “${id}” is available to this theme.` };
    if (query.activateAppId) {
      return block.target === 'body' ? { action: 'activate', block } : { error: `“${block.name}” is an app block, not an app embed.` };
    }
    if (block.target !== 'section') return { error: `“${block.name}” is an app embed: turn it on under App embeds.` };
    const template = (query.template ?? 'index') as ThemeTemplate;
    if (!THEME_TEMPLATES.includes(template)) return { error: `This theme has no “${query.template}” template.` };
    if (block.templates && !block.templates.includes(template)) return { error: `“${block.name}” cannot be added to the ${template} template.` };
    return { action: 'add', block, template };
  };

  const stateCard = () => {
    const embedRows = blocks
      .filter((b) => b.target === 'body')
      .map((b) => `<tr><th scope="row">${escapeHtml(b.name)}</th><td>${store.theme.isEmbedOn(b.handle) ? 'On' : 'Off'}</td></tr>`)
      .join('');
    const templateRows = THEME_TEMPLATES.map((t) => {
      const names = store.theme.blocksOn(t).map((h) => blocks.find((b) => b.handle === h)?.name ?? h);
      return `<tr><th scope="row">${t}</th><td>${names.length ? escapeHtml(names.join(', ')) : 'No app blocks'}</td></tr>`;
    }).join('');
    return `<div class="card"><h2>App embeds</h2><table><tbody>${embedRows}</tbody></table></div>
      <div class="card"><h2>App blocks by template</h2><table><tbody>${templateRows}</tbody></table></div>
      <div class="card"><h2>Start over</h2><p>Sandbox only: put the theme back as a fresh install finds it, or as the demo store ships.</p>
      <form method="post" action="${THEME_EDITOR_PATH}/reset"><button name="start" value="bare">Bare theme</button> <button name="start" value="demo">Demo theme</button></form></div>`;
  };

  router.get(THEME_EDITOR_PATH, (req, res) => {
    const parsed = editorQuery.safeParse(req.query);
    const change = parsed.success ? changeOf(parsed.data) : { error: 'The theme editor link is malformed.' };
    let pending = '';
    if (change && 'error' in change) {
      pending = `<div class="card" role="alert"><h2>This link cannot be opened</h2><p>${escapeHtml(change.error)}</p></div>`;
      res.status(400);
    } else if (change) {
      const already = change.action === 'activate' ? store.theme.isEmbedOn(change.block.handle) : false;
      const what =
        change.action === 'activate'
          ? `Turn on the app embed <strong>${escapeHtml(change.block.name)}</strong> (Tacto) in the live theme.`
          : `Add the app block <strong>${escapeHtml(change.block.name)}</strong> (Tacto) to the <strong>${change.template}</strong> template's main section.`;
      const fields =
        `<input type="hidden" name="action" value="${change.action}"><input type="hidden" name="handle" value="${escapeHtml(change.block.handle)}">` +
        (change.action === 'add' ? `<input type="hidden" name="template" value="${change.template}">` : '');
      pending = `<div class="card"><h2>Unsaved changes</h2><p>${what}</p>${already ? '<p>It is already on.</p>' : ''}
        <form method="post" action="${THEME_EDITOR_PATH}">${fields}<button>Save</button></form></div>`;
    }
    const saved = parsed.success && parsed.data.saved ? `<div class="card" role="status"><p>Saved. The live theme has changed. <a href="${deps.appPath}">Back to Tacto</a></p></div>` : '';
    res.type('html').send(deps.page('Customize theme', `<main class="padded"><h1>Customize ${escapeHtml(store.theme.name)} (live theme)</h1>${saved}${pending}${stateCard()}</main>`));
  });

  router.post(THEME_EDITOR_PATH, form, (req, res) => {
    const parsed = saveForm.safeParse(req.body);
    const block = parsed.success ? blocks.find((b) => b.handle === parsed.data.handle) : undefined;
    if (!parsed.success || !block) {
      res.status(422).type('text').send('Nothing to save: the form names no app block or embed of this theme.');
      return;
    }
    const change = changeOf(
      parsed.data.action === 'activate'
        ? { activateAppId: `${app.apiKey}/${block.handle}` }
        : { addAppBlockId: `${app.apiKey}/${block.handle}`, template: parsed.data.template },
    );
    if (!change || 'error' in change) {
      res.status(422).type('text').send(change?.error ?? 'Nothing to save.');
      return;
    }
    if (change.action === 'activate') store.theme.activateEmbed(block.handle, store.now());
    else store.theme.addBlock(change.template, block.handle, store.now());
    res.redirect(303, `${THEME_EDITOR_PATH}?saved=1`);
  });

  router.post(`${THEME_EDITOR_PATH}/reset`, form, (req, res) => {
    const start = z.enum(['bare', 'demo']).safeParse(req.body?.start);
    if (!start.success) {
      res.status(422).type('text').send('Start from "bare" or "demo".');
      return;
    }
    store.theme.reset(start.data, store.now());
    res.redirect(303, THEME_EDITOR_PATH);
  });

  return router;
}
