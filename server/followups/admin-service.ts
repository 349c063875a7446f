import type { FlowRecord, FlowWrite, FollowupLocale, PersonaRecord, SendContext } from '../db/followup-repository.ts';
import type { RecentJob } from '../db/followup-records.ts';
import type { Storage } from '../db/storage.ts';
import { HttpError } from '../http/errors.ts';
import { usableFirstName } from './compose/compose.ts';
import { MAIL_WORDS } from './compose/words.ts';
import { draftProblem, type TemplateField, type TemplateProblem } from './compose/render-template.ts';
import { lintCopy, blocksSaving, type LintFinding } from './copy-linter/index.ts';
import { buyerLocale, type FollowupMails, type MailDecision } from './followup-mail.ts';
import { mailOptions } from './mail/message.ts';
import type { Mailer } from './mail/transport.ts';
import type { PersonaInputBody } from './personas/persona-input.ts';
import { personaTextProblem, type PersonaTextField } from './personas/plain-text.ts';
import { checkVerificationCode, newVerificationCode, VERIFICATION_MESSAGES, VERIFICATION_TTL_MS, verificationHash } from './personas/verification.ts';
import { DEFAULT_FLOW_SETTINGS, type FlowSettings } from './scheduler/index.ts';
import { isTooPersonalForFollowup } from './sensitive-purchase.ts';
import type { ShopAdmin } from './shop-admin.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales.ts';
import { verificationMail } from './personas/verification-mail.ts';

export type { RecentJob } from '../db/followup-records.ts';

export interface SampleOrder {
  orderId: number;
  orderName: string | null;
  buyerFirstName: string | null;
  productTitle: string | null;
  /** The language this buyer reads their follow-up in: the admin previews each language with a buyer of it. */
  locale: FollowupLocale;
}

/** The admin's preview: the mail, why the chosen order gets none, or null when the shop has no order to show. */
export type PreviewResult = Extract<MailDecision, { kind: 'mail' }> | { kind: 'skip'; reason: 'no-customer' | 'sensitive-only' | 'nothing-kept' } | null;

/** Whose order and what the mail is (or would be) about: the first product not too personal for a mail. */
function aboutOrder(context: SendContext): { buyerFirstName: string | null; productTitle: string | null } {
  const products = context.order.products;
  const product = products.find((p) => !isTooPersonalForFollowup(p)) ?? products[0];
  return { buyerFirstName: usableFirstName(context.customer?.firstName ?? null), productTitle: product?.title ?? null };
}

export interface TemplateDraft {
  locale: FollowupLocale;
  subject: string;
  body: string;
}

/** A shop's flow, or the defaults a merchant starts from (off; every language on its starting template). */
export function flowOrDefault(flow: FlowRecord | null): Pick<FlowRecord, 'settings' | 'templates'> {
  return flow ?? { settings: { ...DEFAULT_FLOW_SETTINGS, sendWindow: { ...DEFAULT_FLOW_SETTINGS.sendWindow }, avoidDays: [] }, templates: {} };
}

/** Everything the linter should see of a template and its sender: the template is checked in its own language. */
export function lintTemplate(draft: TemplateDraft, persona: PersonaRecord | null): LintFinding[] {
  return lintCopy({ locale: draft.locale, subject: draft.subject, body: draft.body, fromAddress: persona?.fromAddress, replyTo: persona?.replyTo });
}

/**
 * A template's problem as the API answers it: 422, the problem's code (`template_invalid`, `template_tag_forbidden`,
 * `template_too_costly`, `template_render_error`), an English sentence for logs, and as params the field, the
 * language, the tag, filter or limit, and Liquid's own words (`liquid`) for the admin to quote.
 */
export function templateRefusal(problem: TemplateProblem, field: TemplateField | undefined, locale?: FollowupLocale): HttpError {
  const { error, detail, ...named } = problem;
  const where = { ...(field ? { field } : {}), ...(locale ? { locale } : {}) };
  return new HttpError(422, error, `The ${field ?? 'template'} ${detail}`, {}, { ...where, params: { ...named, ...where } });
}

const PERSONA_FIELD_NAMES: Record<PersonaTextField, string> = {
  fullName: 'name',
  role: 'role',
  fromAddress: 'From address',
  replyTo: 'Reply-To address',
  signature: 'signature',
};

/**
 * The merchant's side of follow-ups: the persona and its Reply-To verification, the flow and its template
 * (checked by Liquid and the copy linter before it is saved), the preview and the test mail. Every refusal is an
 * HttpError with a message meant for the merchant.
 */
export class FollowupAdmin {
  constructor(
    private readonly deps: {
      storage: Storage;
      mails: FollowupMails;
      shopAdmin: Pick<ShopAdmin, 'profile' | 'orderNames'>;
      mailer: Mailer | null;
      secret: string;
      clock?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  /** `locale`: the merchant's (the admin's language), for the code's mail. */
  async savePersona(shop: string, input: PersonaInputBody, locale: Locale = DEFAULT_LOCALE): Promise<{ persona: PersonaRecord; verificationSent: boolean }> {
    const persona = await this.deps.storage.followups.savePersona(shop, input, new Date(this.now()).toISOString());
    // Without an SMTP server the persona is still saved; the page says mail is not configured.
    const verificationSent =
      this.deps.mailer !== null && persona.replyToVerifiedAt === null && (await this.deps.storage.followups.pendingVerification(shop)) === null;
    if (verificationSent) await this.sendVerification(shop, locale);
    return { persona, verificationSent };
  }

  /** A new one-time code to the Reply-To mailbox: the persona sends nothing until it comes back. */
  async sendVerification(shop: string, locale: Locale = DEFAULT_LOCALE): Promise<void> {
    const { storage, mailer } = this.deps;
    const persona = await storage.followups.persona(shop);
    if (!persona) throw new HttpError(409, 'no_persona', 'Create the sender persona first.');
    if (!mailer) throw new HttpError(409, 'mail_not_configured', 'No SMTP server is configured (SMTP_URL), so Tacto cannot send the code.');
    const code = newVerificationCode();
    const expiresAt = new Date(this.now() + VERIFICATION_TTL_MS).toISOString();
    await storage.followups.startVerification(shop, verificationHash(this.deps.secret, shop, persona.replyTo, code), expiresAt);
    const { name } = await this.deps.shopAdmin.profile(shop);
    const mail = verificationMail(locale, { shop: name, name: persona.fullName, address: persona.replyTo, code });
    await mailer.sendNotice({
      from: { name: `${name} via Tacto`, address: persona.fromAddress },
      to: persona.replyTo,
      subject: mail.subject,
      text: mail.text,
    });
  }

  async verify(shop: string, code: string): Promise<PersonaRecord> {
    const { followups } = this.deps.storage;
    const persona = await followups.persona(shop);
    if (!persona) throw new HttpError(409, 'no_persona', 'Create the sender persona first.');
    const result = checkVerificationCode({
      pending: await followups.pendingVerification(shop),
      typedHash: verificationHash(this.deps.secret, shop, persona.replyTo, code.trim()),
      now: this.now(),
    });
    if (result !== 'verified') {
      if (result === 'wrong-code') await followups.recordFailedVerification(shop);
      throw new HttpError(422, 'verification_failed', VERIFICATION_MESSAGES[result]);
    }
    await followups.markVerified(shop, new Date(this.now()).toISOString());
    return (await followups.persona(shop))!;
  }

  /**
   * Saves the flow. Refused (422) when the template does not parse, uses a tag that loads a file, exceeds a limit
   * or fails to render against sample values (templateRefusal), or when the linter finds an error (with the
   * findings); turning the flow on also needs a verified persona and a configured SMTP server.
   */
  async saveFlow(shop: string, input: FlowWrite): Promise<{ flow: FlowRecord; findings: LintFinding[] }> {
    const { followups } = this.deps.storage;
    const persona = await followups.persona(shop);
    // Each language given is checked on its own; the first that fails refuses the whole save, naming its language.
    const drafts = LOCALES.flatMap((locale) => (input.templates[locale] ? [{ locale, ...input.templates[locale] }] : []));
    const findings: LintFinding[] = [];
    for (const draft of drafts) {
      const broken = draftProblem(draft);
      if (broken) throw templateRefusal(broken.problem, broken.field, draft.locale);
      const found = lintTemplate(draft, persona);
      if (blocksSaving(found)) {
        const errors = found.filter((f) => f.severity === 'error');
        throw new HttpError(422, 'copy_rejected', `The ${draft.locale} template: ${errors.map((f) => `${f.code} "${f.excerpt}"`).join(', ')}`, {}, { findings: found, params: { locale: draft.locale } });
      }
      findings.push(...found);
    }
    if (input.settings.enabled) {
      if (!this.deps.mailer) throw new HttpError(422, 'mail_not_configured', 'Follow-ups cannot be turned on: no SMTP server is configured (SMTP_URL).');
      if (!persona) throw new HttpError(422, 'no_persona', 'Follow-ups cannot be turned on before a sender persona exists.');
      if (!persona.replyToVerifiedAt) throw new HttpError(422, 'persona_unverified', `Follow-ups cannot be turned on until ${persona.replyTo} is confirmed with the code mailed to it.`);
    }
    await followups.saveFlow(shop, { settings: input.settings, templates: input.templates }, new Date(this.now()).toISOString());
    return { flow: (await followups.flow(shop))!, findings };
  }

  /**
   * The mail exactly as a recent buyer would get it from this draft; null when the shop has no order to show. A
   * test mail: its unsubscribe link unsubscribes nobody and its complements count as nobody's impressions
   * (FollowupMails). Refused (422) for a template that cannot be used, checked as at save and then with the
   * buyer's own values, and for a persona stored before its fields were checked with a character a mail cannot
   * carry (`persona_invalid`: the merchant fixes it here; sends meanwhile write it as a space, plain-text.ts).
   */
  async preview(shop: string, draft: TemplateDraft, options: { testTo?: string; orderId?: number } = {}): Promise<PreviewResult> {
    const { followups } = this.deps.storage;
    const persona = await followups.persona(shop);
    if (!persona) throw new HttpError(409, 'no_persona', 'Create the sender persona first: the preview is signed by them.');
    const badField = personaTextProblem(persona);
    if (badField) {
      throw new HttpError(
        422,
        'persona_invalid',
        `The sender's ${PERSONA_FIELD_NAMES[badField]} has a line break or a control character, which an email cannot carry: edit the sender above and save it again.`,
        {},
        { field: badField },
      );
    }
    const broken = draftProblem(draft);
    if (broken) throw templateRefusal(broken.problem, broken.field, draft.locale);
    const profile = await this.deps.shopAdmin.profile(shop);
    const build = async (context: SendContext) => {
      const decision = await this.deps.mails.forOrder({ shop, profile, context, flow: null, template: draft, persona, testTo: options.testTo ?? persona.replyTo });
      if (decision.kind === 'skip' && decision.reason === 'template-error') throw templateRefusal(decision.problem, decision.field, draft.locale);
      return decision;
    };
    // The order the merchant chose as a sample, or else the latest one that gets a follow-up at all (an order of
    // only sensitive items gets none), from a buyer who reads this language when there is one.
    if (options.orderId !== undefined) {
      const context = await followups.sendContext(shop, options.orderId);
      if (!context) throw new HttpError(404, 'order_not_found', 'That order is not in Tacto’s copy of the shop: pick another sample.');
      const decision = await build(context);
      return decision.kind === 'mail' ? decision : { kind: 'skip', reason: decision.reason };
    }
    const contexts = (await Promise.all((await followups.recentFulfilledOrders(shop, 20)).map((orderId) => followups.sendContext(shop, orderId)))).filter(
      (context): context is SendContext => context !== null,
    );
    const sameLanguageFirst = [
      ...contexts.filter((context) => buyerLocale(context, profile) === draft.locale),
      ...contexts.filter((context) => buyerLocale(context, profile) !== draft.locale),
    ];
    for (const context of sameLanguageFirst) {
      const decision = await build(context);
      if (decision.kind === 'mail') return decision;
    }
    return null;
  }

  /** Recent fulfilled orders with a buyer, to preview the mail with: name, buyer's first name, product. */
  async sampleOrders(shop: string, limit: number): Promise<SampleOrder[]> {
    const { followups } = this.deps.storage;
    const ids = await followups.recentFulfilledOrders(shop, limit);
    const names = await this.deps.shopAdmin.orderNames(shop, ids).catch(() => new Map<number, string>());
    const samples = await Promise.all(ids.map(async (orderId) => ({ orderId, context: await followups.sendContext(shop, orderId) })));
    const profile = await this.deps.shopAdmin.profile(shop);
    return samples.flatMap(({ orderId, context }) =>
      context ? [{ orderId, orderName: names.get(orderId) ?? null, ...aboutOrder(context), locale: buyerLocale(context, profile) }] : [],
    );
  }



  /**
   * The latest jobs as the merchant reads them: the order's name from the Admin API ("#1003"; null when it cannot
   * be read, and the page shows the id), the buyer's first name and the product the mail is (or would be) about.
   */
  async recentJobs(shop: string, limit: number): Promise<RecentJob[]> {
    const { followups } = this.deps.storage;
    const jobs = await followups.jobs(shop, limit);
    const names = await this.deps.shopAdmin.orderNames(shop, jobs.map((j) => j.orderId)).catch(() => new Map<number, string>());
    return Promise.all(
      jobs.map(async ({ orderId, customerId, dueAt, status, reason, sentAt }) => {
        const context = await followups.sendContext(shop, orderId);
        return {
          orderId,
          orderName: names.get(orderId) ?? null,
          customerId,
          ...(context ? aboutOrder(context) : { buyerFirstName: null, productTitle: null }),
          dueAt,
          status,
          reason,
          sentAt,
        };
      }),
    );
  }

  /** "Send a test to me": the preview, mailed to the persona's own (verified) Reply-To. */
  async sendTest(shop: string, draft: TemplateDraft, orderId?: number): Promise<{ sentTo: string }> {
    const persona = await this.deps.storage.followups.persona(shop);
    if (!persona?.replyToVerifiedAt) throw new HttpError(409, 'persona_unverified', 'Confirm the Reply-To address first: the test goes there.');
    if (!this.deps.mailer) throw new HttpError(409, 'mail_not_configured', 'No SMTP server is configured (SMTP_URL).');
    const preview = await this.preview(shop, draft, { testTo: persona.replyTo, ...(orderId !== undefined ? { orderId } : {}) });
    if (!preview) throw new HttpError(409, 'no_orders', 'The shop has no fulfilled order to build a test mail from yet.');
    if (preview.kind === 'skip') throw new HttpError(409, 'no_mail_for_order', 'That order gets no follow-up: pick another sample for the test.');
    // Marked in the mail's own language.
    const message = { ...preview.message, subject: `${MAIL_WORDS[preview.locale].testMark} ${preview.message.subject}` };
    try {
      mailOptions(message);
    } catch (error) {
      // The mail as written breaks a rule every follow-up keeps (message.ts): the merchant's to fix, not a crash.
      throw new HttpError(422, 'mail_invalid', error instanceof Error ? error.message : String(error));
    }
    await this.deps.mailer.send(message);
    return { sentTo: persona.replyTo };
  }
}
