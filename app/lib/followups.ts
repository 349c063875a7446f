/**
 * The Follow-ups page's side of /api/followups (server/api/followups/route.ts): the shapes it returns, the calls,
 * and the plain words the page shows for the server's codes. Types come from the server so they cannot drift.
 */
import { useEffect, useState } from 'react';
import type { FlowSettings } from '../../server/followups/scheduler/settings.ts';
import type { LintFinding } from '../../server/followups/copy-linter/types.ts';
import { apiFetch } from './api.ts';

export type { FlowSettings, LintFinding };

import type { FollowupLocale, JobStatus, PersonaRecord, RecentJob } from '../../server/db/followup-records.ts';

export type { FollowupLocale, JobStatus, PersonaRecord };
export { reasonText, STATUS_BADGE, STATUS_TONE, useFollowupWords } from './followup-words.ts';

export interface TemplateDraft {
  locale: FollowupLocale;
  subject: string;
  body: string;
}

export type FollowupJobRow = RecentJob;

/** One language's template as the server has it: the text sent, whether it is still Tacto's starter, its findings. */
export interface LanguageTemplate extends TemplateDraft {
  starter: boolean;
  findings: LintFinding[];
}

export interface FollowupsState {
  mailConfigured: boolean;
  persona: PersonaRecord | null;
  /** The stored photo as a data URL, or null. */
  photo: string | null;
  /** A code was mailed to the Reply-To and has not been entered yet. */
  verificationPending: boolean;
  flow: { settings: FlowSettings };
  /** Every language's template (en, es, pt-BR): each buyer gets the one in their language. */
  templates: LanguageTemplate[];
  /** Tacto's starting template in each language. */
  defaults: Record<FollowupLocale, { subject: string; body: string }>;
  jobs: FollowupJobRow[];
}

export interface PersonaForm {
  fullName: string;
  role: string;
  signature: string;
  fromAddress: string;
  replyTo: string;
}

/** Why Liquid cannot use a template (a tag that loads a file, a limit, an error), as /followups/lint reports it: a code and its params. */
export interface TemplateIssue {
  error: string;
  message: string;
  field?: 'subject' | 'body';
  params?: Record<string, string | number>;
}

export interface MailPreview {
  /** The language the mail is written in. */
  locale: FollowupLocale;
  subject: string;
  html: string;
  text: string;
  from: { name: string; address: string };
  replyTo: string;
}

/** A recent order to build the preview from (GET /followups/samples). */
export interface SampleOrder {
  orderId: number;
  orderName: string | null;
  buyerFirstName: string | null;
  productTitle: string | null;
  /** The language this buyer reads their follow-up in. */
  locale: FollowupLocale;
}

/** How the sample select names an order: "#1003 · Ana · Merino scarf"; `words` give the fallbacks in the admin's language. */
export function sampleLabel(sample: SampleOrder, words: { order: (id: number) => string; noFirstName: string }): string {
  return [sample.orderName ?? words.order(sample.orderId), sample.buyerFirstName ?? words.noFirstName, sample.productTitle].filter(Boolean).join(' · ');
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const followupsApi = {
  load: () => apiFetch<FollowupsState>('/followups'),
  /** `locale`: the admin's language, for the code's mail. */
  savePersona: (input: PersonaForm, locale: string) =>
    apiFetch<{ persona: PersonaRecord; verificationSent: boolean }>(`/followups/persona?locale=${encodeURIComponent(locale)}`, json('PUT', input)),
  savePhoto: (image: string) => apiFetch<{ photo: string }>('/followups/persona/photo', json('PUT', { image })),
  sendCode: (locale: string) => apiFetch<{ sent: true }>(`/followups/persona/verification?locale=${encodeURIComponent(locale)}`, json('POST', {})),
  verify: (code: string) => apiFetch<{ persona: PersonaRecord }>('/followups/persona/verify', json('POST', { code })),
  lint: (draft: TemplateDraft) => apiFetch<{ findings: LintFinding[]; template: TemplateIssue | null }>('/followups/lint', json('POST', draft)),
  samples: () => apiFetch<{ samples: SampleOrder[] }>('/followups/samples'),
  /** `skipped`: why the chosen order gets no follow-up (a reason code, see reasonText). */
  preview: (draft: TemplateDraft, orderId?: number) =>
    apiFetch<{ preview: MailPreview | null; skipped?: string; findings: LintFinding[] }>('/followups/preview', json('POST', { ...draft, ...(orderId ? { orderId } : {}) })),
  /** Saves the settings and the languages given (the ones edited); the others keep what they have. */
  saveFlow: (settings: FlowSettings, templates: Partial<Record<FollowupLocale, { subject: string; body: string }>>) =>
    apiFetch<{ flow: { settings: FlowSettings }; templates: LanguageTemplate[]; findings: LintFinding[] }>('/followups/flow', json('PUT', { settings, templates })),
  sendTest: (draft: TemplateDraft, orderId?: number) => apiFetch<{ sentTo: string }>('/followups/test', json('POST', { ...draft, ...(orderId ? { orderId } : {}) })),
};

/**
 * The server's validation message ("fullName: Use the name…; settings.delayDays: …") split per field, so each
 * part can be shown next to the input it concerns. Text with no field in front comes back under ''.
 */
export function fieldErrors(message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const parts = message.split(/;\s+(?=[\w.]+: )/);
  for (const part of parts) {
    const match = /^([\w.]+): ([\s\S]*)$/.exec(part);
    const [field, text] = match ? [match[1]!, match[2]!] : ['', part];
    errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
  }
  return errors;
}

/** A value that follows `value` once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Reads a chosen file as a data URL. */
export function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * A photo small enough for the API's 100 kB request limit: the server crops and resizes it to 128 px anyway, so
 * a phone's 4000 px picture is scaled down here first (to at most `maxSide` px, as JPEG). Small files and
 * pictures the browser cannot draw are sent as they are, for the server to accept or explain.
 */
export async function photoForUpload(file: File, maxSide = 256, smallBytes = 60_000): Promise<string> {
  const original = await readAsDataUrl(file);
  if (file.size <= smallBytes) return original;
  try {
    const image = new Image();
    image.src = original;
    await image.decode();
    const scale = Math.min(1, maxSide / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) return original;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.88);
  } catch {
    return original;
  }
}

/** The languages a follow-up is written in, in the editor's order. */
export const FOLLOWUP_LOCALES: readonly FollowupLocale[] = ['en', 'es', 'pt-BR'];

/** 0 = Sunday … 6 = Saturday, as FlowSettings.avoidDays counts them (named by `followups:weekdays.<n>`). */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** What a template may use, as the mail composer fills it (server/followups/compose/compose.ts); `key` names its meaning under `followups:editor.variable`. */
export const TEMPLATE_VARIABLES = [
  { name: '{{ customer.first_name }}', key: 'firstName' },
  { name: '{{ product.title }}', key: 'product' },
  { name: '{{ guide.title }}', key: 'guide' },
  { name: '{{ shop.name }}', key: 'shop' },
  { name: '{{ persona.name }}', key: 'persona' },
] as const;

/** '24:00' (until midnight) has no spelling in a time input: the input shows it as 00:00, the end of the day. */
export const endForInput = (end: string) => (end === '24:00' ? '00:00' : end);
export const endFromInput = (value: string) => (value === '00:00' ? '24:00' : value);
