import type { Session } from '@shopify/shopify-api';
import { Router } from 'express';
import { z } from 'zod';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import { flowOrDefault } from '../../followups/admin-service.ts';
import type { Logger } from '../../logger.ts';
import { checklist, type PersonaState } from '../../onboarding/checklist.ts';
import { themeSetup, type ThemeSetup } from '../../onboarding/theme-setup.ts';
import { adminGraphql } from '../../shopify/admin-graphql.ts';
import type { ShopifyApp } from '../../shopify/shopify-app.ts';

// The live theme's settings and JSON templates: where app embeds and app blocks are recorded. 100 files keep the
// query's cost near 200 points; a theme with more JSON templates is rare, and those past 100 are not read.
export const THEME_FILES_QUERY = `#graphql
  query TactoThemeSetup {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: ["config/settings_data.json", "templates/*.json"], first: 100) {
          nodes {
            filename
            body {
              ... on OnlineStoreThemeFileBodyText { content }
              ... on OnlineStoreThemeFileBodyBase64 { contentBase64 }
            }
          }
        }
      }
    }
  }`;

const fileBody = z.union([z.object({ content: z.string() }), z.object({ contentBase64: z.string() }), z.object({}).strict()]);
const themesResponse = z.object({
  themes: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        files: z.object({ nodes: z.array(z.object({ filename: z.string(), body: fileBody })) }).nullable(),
      }),
    ),
  }),
});

/** The live theme's name and Tacto's standing in it; null when there is no live theme. */
async function readLiveTheme(shopify: ShopifyApp, session: Session): Promise<{ name: string; setup: ThemeSetup } | null> {
  const data = themesResponse.parse(await adminGraphql(shopify, session, THEME_FILES_QUERY, { timeoutMs: 10_000, maxThrottledAttempts: 3 }));
  const theme = data.themes.nodes[0];
  if (!theme) return null;
  const files = (theme.files?.nodes ?? []).flatMap(({ filename, body }) => {
    if ('content' in body) return [{ filename, content: body.content }];
    if ('contentBase64' in body) return [{ filename, content: Buffer.from(body.contentBase64, 'base64').toString('utf8') }];
    return []; // A body served as a URL: too large for a settings file or template worth reading here.
  });
  return { name: theme.name, setup: themeSetup(files) };
}

/**
 * GET /api/onboarding: the "Get Tacto ready" checklist from the real state: the import, the notice app embed and
 * the picks block in the live theme (read through the Admin API, never written), the sender persona's Reply-To
 * verification and whether follow-ups are on. Steps carry codes; the admin words them.
 */
export function onboardingRoute(deps: { shopify: ShopifyApp; storage: Storage; apiKey: string; logger: Logger }): Router {
  const router = Router();
  router.get('/onboarding', async (_req, res) => {
    const { shop, session } = authOf(res);
    const [backfill, persona, flow, theme] = await Promise.all([
      deps.storage.backfills.find(shop),
      deps.storage.followups.persona(shop),
      deps.storage.followups.flow(shop),
      readLiveTheme(deps.shopify, session).then(
        (read) => ({ read, error: read === null ? ('no_live_theme' as const) : null }),
        (error: unknown) => {
          // Missing read_themes (an install from before it was asked for) or the Admin API down: the theme
          // steps say "unknown" rather than failing the whole checklist.
          deps.logger.warn({ shop, err: error }, 'onboarding: the live theme could not be read');
          return { read: null, error: 'theme_unreadable' as const };
        },
      ),
    ]);
    const personaState: PersonaState = persona === null ? 'missing' : persona.replyToVerifiedAt === null ? 'unverified' : 'verified';
    res.set('Cache-Control', 'no-store').json({
      steps: checklist({
        apiKey: deps.apiKey,
        backfill: backfill?.status ?? null,
        theme: theme.read?.setup ?? null,
        persona: personaState,
        followupsEnabled: flowOrDefault(flow).settings.enabled,
      }),
      theme: theme.read && { name: theme.read.name, unreadableFiles: theme.read.setup.unreadable },
      themeError: theme.error,
    });
  });
  return router;
}
