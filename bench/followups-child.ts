/**
 * Child process of the follow-up benchmark, so that its peak RSS is the sender's own. Prints a SendRun as JSON.
 *   tacto:    the real FollowupWorker with the real FollowupMails, RecommendationService + ShopModels and
 *             createMailer (pooled nodemailer, DKIM when a key is given), on the seeded SQLite file. Only the
 *             Admin API is a stub (a fixed shop profile): it is one cached call per shop an hour, not what is
 *             measured. The shop's model is built before the clock starts, as a running server holds it.
 *   baseline: plain nodemailer, the same pool settings and socket option, sending the same number of an
 *             already-rendered follow-up (its html, text, photo and headers) with the same number in flight:
 *             what SMTP alone costs.
 * Both: the clock runs from the first send (Tacto: the first round) to the last mail accepted.
 */
import { AnalyticsService } from '../server/analytics/analytics-service.ts';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { pino } from 'pino';
import { createSqliteStorage } from '../server/db/sqlite/storage.ts';
import { BENCH_STORAGE_KEYS } from './storage-keys.ts';
import { FollowupMails, type MailDecision } from '../server/followups/followup-mail.ts';
import { createMailer, DKIM_SIGNED_HEADERS } from '../server/followups/mail/transport.ts';
import { FollowupWorker } from '../server/followups/worker.ts';
import { ShopModels } from '../server/recommendations/model-cache.ts';
import { RecommendationService } from '../server/recommendations/service.ts';
import { DKIM_DOMAIN, DKIM_SELECTOR, NOW, PROFILE, SHOP } from './followups-seed.ts';
import { withPeakRss } from './peak-rss.ts';

export interface SendOptions {
  mode: 'tacto' | 'baseline';
  port: number;
  concurrency: number;
  /** PEM file of the DKIM private key; absent: unsigned. */
  dkimKeyFile?: string;
  /** tacto */
  dbFile?: string;
  batch?: number;
  /** baseline: the rendered follow-up to repeat (RenderedMail as JSON) and how many to send. */
  messageFile?: string;
  count?: number;
}

/** One rendered follow-up, as the baseline repeats it. */
export interface RenderedMail {
  from: { name: string; address: string };
  replyTo: string;
  subject: string;
  html: string;
  text: string;
  unsubscribeUrl: string;
  photo: { cid: string; filename: string; contentType: string; base64: string } | null;
}

export interface SendRun {
  mails: number;
  seconds: number;
  peakRssMb: number;
  /** tacto: worker rounds, and the first one's share (it also schedules the newly fulfilled orders). */
  rounds?: number;
  firstRoundSeconds?: number;
  /** tacto: one follow-up rendered after the clock stopped, for the baseline to repeat. */
  rendered?: RenderedMail;
}

const options = JSON.parse(process.argv[2]!) as SendOptions;
const smtpUrl = `smtp://127.0.0.1:${options.port}`;
const dkimKey = options.dkimKeyFile ? readFileSync(options.dkimKeyFile, 'utf8') : undefined;
const dkim = dkimKey ? { domainName: DKIM_DOMAIN, keySelector: DKIM_SELECTOR, privateKey: dkimKey } : undefined;

async function tacto(): Promise<SendRun> {
  const storage = createSqliteStorage(options.dbFile!, BENCH_STORAGE_KEYS);
  const logger = pino({ level: 'silent' });
  const clock = () => NOW;
  const models = new ShopModels({ storage, logger, clock });
  const recommendations = new RecommendationService({ storage, models, clock });
  // The secret only signs unsubscribe links; any value does here.
  const mails = new FollowupMails({ storage, recommendations, appUrl: new URL('https://tacto.example'), unsubscribeSecret: 'bench-unsubscribe-secret' });
  const mailer = createMailer({ smtpUrl, ...(dkim ? { dkim } : {}) });
  const shopAdmin = { profile: async () => PROFILE };
  // Every mail of the run is sent: no holdout (the real counters, written at the end).
  const analytics = new AnalyticsService({ storage, logger }, { initialExperiment: { question: 'block', holdoutPercent: 0 } });
  const worker = new FollowupWorker({ storage, mails, shopAdmin, mailer, logger, analytics, clock, batch: options.batch, concurrency: options.concurrency });
  await models.get(SHOP);

  const { result, peakRssMb } = await withPeakRss(async () => {
    const started = performance.now();
    let mails = 0;
    let rounds = 0;
    let firstRoundSeconds = 0;
    for (;;) {
      const round = await worker.round(NOW);
      if (rounds++ === 0) firstRoundSeconds = (performance.now() - started) / 1000;
      mails += round.sent;
      if (round.skipped + round.waiting > 0) throw new Error(`round ${rounds}: ${round.skipped} skipped, ${round.waiting} waiting (every job should be sent)`);
      if (round.sent === 0) break; // nothing left that is due
    }
    // The last round found nothing due; the mails ended with the one before it.
    return { mails, rounds: rounds - 1, firstRoundSeconds, seconds: (performance.now() - started) / 1000 };
  });
  mailer.close();
  const rendered = await renderOne(storage, mails);
  await storage.close();
  return { ...result, peakRssMb, rendered };
}

/** A follow-up as the worker composed them, for the baseline: the first due order's, rendered again. */
async function renderOne(storage: ReturnType<typeof createSqliteStorage>, mails: FollowupMails): Promise<RenderedMail> {
  const [job] = await storage.followups.jobs(SHOP, 1);
  const [flow, persona, context] = await Promise.all([storage.followups.flow(SHOP), storage.followups.persona(SHOP), storage.followups.sendContext(SHOP, job!.orderId)]);
  const decision: MailDecision = await mails.forOrder({ shop: SHOP, profile: PROFILE, context: context!, flow: flow!, persona: persona! });
  if (decision.kind !== 'mail') throw new Error(`the sample order got no mail: ${decision.reason}`);
  const { message } = decision;
  const image = message.inlineImages?.[0];
  return {
    from: message.from,
    replyTo: message.replyTo,
    subject: message.subject,
    html: message.html,
    text: message.text,
    unsubscribeUrl: message.unsubscribeUrl,
    photo: image ? { cid: image.cid, filename: image.filename, contentType: image.contentType, base64: image.content.toString('base64') } : null,
  };
}

/** Like transport.ts's socket: Nagle off, or every message waits ~40 ms for a delayed ACK (see there). */
function noDelaySocket(callback: (error: Error | null, socket?: { connection: Socket }) => void): void {
  const socket = connect({ host: '127.0.0.1', port: options.port });
  socket.once('error', (error) => callback(error));
  socket.once('connect', () => {
    socket.setNoDelay(true);
    callback(null, { connection: socket });
  });
}

async function baseline(): Promise<SendRun> {
  const mail = JSON.parse(readFileSync(options.messageFile!, 'utf8')) as RenderedMail;
  const photo = mail.photo ? Buffer.from(mail.photo.base64, 'base64') : null;
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: options.port,
    secure: false,
    pool: true,
    maxConnections: 5,
    maxMessages: 1_000,
    getSocket: (_options, callback) => noDelaySocket(callback),
    ...(dkim ? { dkim: { ...dkim, headerFieldNames: DKIM_SIGNED_HEADERS } } : {}),
  });
  const message = (i: number): SendMailOptions => ({
    from: mail.from,
    replyTo: mail.replyTo,
    to: `shopper.${i}@example.com`,
    subject: mail.subject,
    messageId: `<baseline.${i}@${SHOP}>`,
    text: mail.text,
    html: mail.html,
    list: { unsubscribe: [[mail.unsubscribeUrl]] },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    attachments: mail.photo ? [{ cid: mail.photo.cid, filename: mail.photo.filename, contentType: mail.photo.contentType, content: photo!, contentDisposition: 'inline' }] : [],
  });
  const count = options.count!;
  const { result, peakRssMb } = await withPeakRss(async () => {
    const started = performance.now();
    let next = 0;
    let accepted = 0;
    const sender = async () => {
      while (next < count) {
        const info = await transport.sendMail(message(next++));
        accepted += info.accepted.length;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, sender));
    return { mails: accepted, seconds: (performance.now() - started) / 1000 };
  });
  transport.close();
  return { ...result, peakRssMb };
}

const run = options.mode === 'tacto' ? await tacto() : await baseline();
process.stdout.write(JSON.stringify(run));
