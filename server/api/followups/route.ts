import { Router } from 'express';
import { z } from 'zod';
import { authOf } from '../../auth/session-token.ts';
import type { Storage } from '../../db/storage.ts';
import { DEFAULT_TEMPLATES } from '../../followups/compose/words.ts';
import { flowOrDefault, lintTemplate, templateRefusal, type FollowupAdmin } from '../../followups/admin-service.ts';
import { draftProblem } from '../../followups/compose/render-template.ts';
import { personaInput } from '../../followups/personas/persona-input.ts';
import { resizePersonaPhoto } from '../../followups/personas/photo.ts';
import { flowSettingsSchema } from '../../followups/scheduler/index.ts';
import { allTemplates } from '../../followups/templates.ts';
import type { FlowRecord, PersonaRecord } from '../../db/followup-repository.ts';
import { DEFAULT_LOCALE, LOCALES, matchLocale } from '../../i18n/locales.ts';

/** The admin's language (`?locale=`, as the admin passes it): the code's mail to the merchant is written in it. */
const merchantLocale = (value: unknown) => matchLocale(typeof value === 'string' ? value : null) ?? DEFAULT_LOCALE;

const text = {
  subject: z.string().trim().min(1, 'The subject is empty').max(200),
  body: z.string().trim().min(1, 'The body is empty').max(5_000),
};
const template = z.object({ locale: z.enum(LOCALES), ...text }).strict();
/** A draft and, optionally, the order to build the preview or test from (one of `GET /followups/samples`). */
const sampledDraft = template.extend({ orderId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() }).strict();
/**
 * The settings and the languages being saved (`templates`: any of en, es, pt-BR; the others stay as they are), or
 * the settings with one language's template (`locale`, `subject`, `body`).
 */
const flowBody = z.union([
  z
    .object({ settings: flowSettingsSchema, templates: z.partialRecord(z.enum(LOCALES), z.object(text).strict()).default({}) })
    .strict(),
  template.extend({ settings: flowSettingsSchema }).strict().transform(({ settings, locale, subject, body }) => ({ settings, templates: { [locale]: { subject, body } } })),
]);

/** Every language's template as the editor shows it: the text, whether it is still the starter, and its findings. */
const templatesOf = (flow: Pick<FlowRecord, 'templates'> | null, persona: PersonaRecord | null) =>
  allTemplates(flow).map((t) => ({ ...t, findings: lintTemplate(t, persona) }));
const codeBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'The code has six digits') }).strict();
/**
 * The photo as base64, bare or as a data URL (about 6 MB of file at most). Its label is not read: the bytes decide
 * the format (personas/photo.ts), so an `image/jpeg` label on a PNG is as good as a right one.
 */
const photoBody = z
  .object({
    image: z
      .string()
      .max(8_000_000)
      .regex(/^(data:[^,]{0,100};base64,)?[A-Za-z0-9+/]*={0,2}$/, 'Send the photo as a base64 data URL (data:image/…;base64,…)')
      .transform((image) => Buffer.from(image.slice(image.indexOf(',') + 1), 'base64')),
  })
  .strict();

/**
 * /api/followups — the merchant's Follow-ups page: the sender persona (with photo and Reply-To verification),
 * the flow's settings and template (linted and checked by Liquid as typed; refused when the linter finds an error
 * or the template cannot be used: a tag that loads a file, a limit, a Liquid error — 422 naming it), the preview
 * exactly as it will be sent, a test to the persona's own mailbox, and the recent jobs.
 */
export function followupsRoute(deps: { storage: Storage; admin: FollowupAdmin; mailConfigured: boolean }): Router {
  const router = Router();
  const { followups } = deps.storage;

  router.get('/followups', async (_req, res) => {
    const { shop } = authOf(res);
    const persona = await followups.persona(shop);
    const flow = flowOrDefault(await followups.flow(shop));
    const photo = persona?.hasPhoto ? await followups.personaPhoto(shop) : null;
    res.set('Cache-Control', 'no-store').json({
      mailConfigured: deps.mailConfigured,
      persona,
      photo: photo ? `data:image/jpeg;base64,${photo.toString('base64')}` : null,
      verificationPending: persona !== null && persona.replyToVerifiedAt === null && (await followups.pendingVerification(shop)) !== null,
      flow: { settings: flow.settings },
      templates: templatesOf(flow, persona),
      /** The starting template of each language, to start a language over from. */
      defaults: DEFAULT_TEMPLATES,
      jobs: await deps.admin.recentJobs(shop, 30),
    });
  });

  router.put('/followups/persona', async (req, res) => {
    const { shop } = authOf(res);
    res.json(await deps.admin.savePersona(shop, personaInput.parse(req.body), merchantLocale(req.query.locale)));
  });
  router.put('/followups/persona/photo', async (req, res) => {
    const { shop } = authOf(res);
    const { image } = photoBody.parse(req.body);
    const jpeg = await resizePersonaPhoto(image);
    await followups.savePersonaPhoto(shop, jpeg, new Date().toISOString());
    res.json({ photo: `data:image/jpeg;base64,${jpeg.toString('base64')}` });
  });
  router.post('/followups/persona/verification', async (req, res) => {
    const { shop } = authOf(res);
    await deps.admin.sendVerification(shop, merchantLocale(req.query.locale));
    res.json({ sent: true });
  });
  router.post('/followups/persona/verify', async (req, res) => {
    const { shop } = authOf(res);
    res.json({ persona: await deps.admin.verify(shop, codeBody.parse(req.body).code) });
  });

  router.post('/followups/lint', async (req, res) => {
    const { shop } = authOf(res);
    const draft = template.parse(req.body);
    // The template's own problem beside the copy's findings, so the page can show it at its field as it is typed.
    const broken = draftProblem(draft);
    const problem = broken && templateRefusal(broken.problem, broken.field, draft.locale);
    res.json({
      findings: lintTemplate(draft, await followups.persona(shop)),
      template: problem ? { ...problem.details, error: problem.code, message: problem.message } : null,
    });
  });
  router.put('/followups/flow', async (req, res) => {
    const { shop } = authOf(res);
    const saved = await deps.admin.saveFlow(shop, flowBody.parse(req.body));
    res.json({ flow: { settings: saved.flow.settings }, templates: templatesOf(saved.flow, await followups.persona(shop)), findings: saved.findings });
  });
  router.get('/followups/samples', async (_req, res) => {
    const { shop } = authOf(res);
    res.set('Cache-Control', 'no-store').json({ samples: await deps.admin.sampleOrders(shop, 20) });
  });
  router.post('/followups/preview', async (req, res) => {
    const { shop } = authOf(res);
    const { orderId, ...draft } = sampledDraft.parse(req.body);
    const preview = await deps.admin.preview(shop, draft, orderId !== undefined ? { orderId } : {});
    const findings = lintTemplate(draft, await followups.persona(shop));
    if (!preview) return void res.json({ preview: null, findings });
    if (preview.kind === 'skip') return void res.json({ preview: null, skipped: preview.reason, findings });
    // Pictures travel inline by Content-ID in the mail (the persona's photo, the complements'); the admin's frame
    // shows the same pictures from data URLs.
    const html = (preview.message.inlineImages ?? []).reduce(
      (page, image) => page.replaceAll(`cid:${image.cid}`, `data:${image.contentType};base64,${image.content.toString('base64')}`),
      preview.mail.html,
    );
    res.json({
      preview: { locale: preview.locale, subject: preview.mail.subject, html, text: preview.mail.text, from: preview.message.from, replyTo: preview.message.replyTo },
      findings,
    });
  });
  router.post('/followups/test', async (req, res) => {
    const { shop } = authOf(res);
    const { orderId, ...draft } = sampledDraft.parse(req.body);
    res.json(await deps.admin.sendTest(shop, draft, orderId));
  });
  return router;
}
