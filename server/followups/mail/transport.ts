import { createPrivateKey } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { mailOptions, type FollowupMessage } from './message.ts';

export interface MailTransportConfig {
  /** e.g. smtp://user:pass@host:587 or smtps://…; the sandbox gives smtp://127.0.0.1:<sink port> */
  smtpUrl: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

/** A one-off service mail to the merchant (the Reply-To's verification code): plain text, no list headers. */
export interface NoticeMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: FollowupMessage): Promise<{ messageId: string; accepted: string[]; rejected: string[] }>;
  sendNotice(message: NoticeMessage): Promise<void>;
  close(): void;
}

/**
 * nodemailer's default DKIM header list plus List-Unsubscribe-Post (and List-Unsubscribe, already in it).
 *
 * Copied from nodemailer 7's lib/dkim/sign.js (`defaultFieldNames`, "all listed fields from RFC4871 #5.5"):
 * passing `headerFieldNames` replaces that list rather than extending it, and it is not exported. RFC 8058
 * wants List-Unsubscribe-Post covered by the signature too, or a relay could turn one-click off (or on) unseen;
 * test/followups/mail-delivery.test.ts checks this list against nodemailer's source, so an upgrade that
 * changes the default shows up there.
 */
export const DKIM_SIGNED_HEADERS: string =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:' +
  'Cc:MIME-Version:Content-Type:Content-Transfer-Encoding:Content-ID:' +
  'Content-Description:Resent-Date:Resent-From:Resent-Sender:' +
  'Resent-To:Resent-Cc:Resent-Message-ID:In-Reply-To:References:' +
  'List-Id:List-Help:List-Unsubscribe:List-Subscribe:List-Post:' +
  'List-Owner:List-Archive:List-Unsubscribe-Post';

/**
 * Pool sizing. Follow-ups leave in batches (a run can be thousands), and on a fresh SMTP connection the cost
 * is round trips (connect, greeting, EHLO, STARTTLS, AUTH) rather than the message: reusing connections is
 * what makes a batch fast.
 * - 5 connections: one SMTP transaction is ~4 sequential round trips, so against a real relay (tens of ms
 *   away) throughput grows with parallel sessions; 5 is nodemailer's default and what relays commonly accept
 *   from one client before throttling. On loopback the work is CPU-bound (RSA signing, MIME building) and
 *   more connections stop helping: measured 10,000 DKIM-signed mails to the sandbox sink in one process on
 *   2 cores, 1 connection ~285/s, 2 ~300/s, 5 ~330/s, 10 ~330/s.
 * - 1,000 messages per connection (nodemailer's default is 100): every reconnect repeats the TCP + TLS + AUTH
 *   handshake, and common relays allow hundreds to thousands of messages per session. A relay that caps
 *   lower ends the session, and the pool opens a new one.
 * Nagle's algorithm is turned off on every pooled socket (connectWithoutNagle): without that, the pool
 * manages ~100-120 mails/s whatever the settings above.
 */
const POOL = { maxConnections: 5, maxMessages: 1_000 } as const;

/** A pooled, optionally DKIM-signing SMTP sender for follow-ups. Throws at once on a bad URL or DKIM key. */
export function createMailer(config: MailTransportConfig): Mailer {
  const server = smtpOptions(config.smtpUrl);
  const options: SMTPPool.Options = {
    ...server,
    pool: true,
    ...POOL,
    getSocket: (_options, callback) => connectWithoutNagle(server.host, server.port, callback),
    // Defence in depth next to message.ts's html guard: nothing in a follow-up may be fetched from disk or
    // the network while composing; inline images arrive as Buffers.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (config.dkim) {
    checkDkimKey(config.dkim.privateKey);
    options.dkim = {
      domainName: config.dkim.domainName,
      keySelector: config.dkim.keySelector,
      privateKey: config.dkim.privateKey,
      headerFieldNames: DKIM_SIGNED_HEADERS,
    };
  }
  // An options object WITHOUT `url`: nodemailer's createTransport, given `{ url }`, keeps only what the URL
  // says and silently drops every other option — pool and dkim included.
  const transport = nodemailer.createTransport(options);

  return {
    async send(message) {
      const info = await transport.sendMail(mailOptions(message));
      return {
        messageId: info.messageId,
        accepted: info.accepted.map(addressText),
        rejected: info.rejected.map(addressText),
      };
    },
    async sendNotice(notice) {
      await transport.sendMail({ from: notice.from, to: notice.to, subject: notice.subject, text: notice.text });
    },
    close() {
      transport.close();
    },
  };
}

/** smtp:// (STARTTLS when offered) or smtps:// (TLS from the start), with optional user:pass. */
function smtpOptions(smtpUrl: string): { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('Mail transport: smtpUrl is not a URL (expected smtp://user:pass@host:port or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`Mail transport: smtpUrl must use smtp: or smtps:, not ${url.protocol}`);
  }
  if (!url.hostname) throw new Error('Mail transport: smtpUrl has no host');
  // Refused rather than ignored: a query option that silently does nothing (tls.rejectUnauthorized…) is worse.
  if (url.search) throw new Error('Mail transport: smtpUrl query options are not supported');
  const secure = url.protocol === 'smtps:';
  return {
    // WHATWG keeps IPv6 hosts bracketed; the socket wants them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
  };
}

const CONNECT_TIMEOUT_MS = 60_000;

/**
 * Opens the TCP connection for the pool with Nagle's algorithm off. nodemailer 7 leaves it on (10.1 turns it
 * off), and SMTP is the textbook case where that hurts: the client ends each message with a small write
 * ("\r\n.\r\n") that Nagle holds back until the previous segment is acknowledged, while the server delays
 * that ACK (40 ms on Linux) waiting for more data. Every message then costs ~40 ms of idle time per
 * connection: measured on loopback, 5 connections top out near 100-120 mails/s with or without DKIM, and
 * reach ~300/s with Nagle off. nodemailer's own route for supplied sockets (`connection`, as for proxies)
 * still runs STARTTLS or implicit TLS over this socket, so smtps:// and smtp:// behave as before.
 */
function connectWithoutNagle(
  host: string,
  port: number,
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const socket = connect({ host, port });
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.removeListener('error', onError);
    socket.removeListener('timeout', onTimeout);
    socket.setTimeout(0);
    if (error) {
      socket.on('error', () => {}); // a late error from a socket being torn down must not crash the process
      socket.destroy();
      callback(error);
      return;
    }
    socket.setNoDelay(true);
    // From here nodemailer owns the socket: it attaches its error handler synchronously on receipt.
    callback(null, { connection: socket });
  };
  // Errors carry the code and command nodemailer's own connect would give them (ESOCKET/EDNS/ETIMEDOUT at
  // CONN): callers tell "nothing was sent" from "maybe sent" by these.
  const onError = (error: NodeJS.ErrnoException) =>
    settle(Object.assign(error, { code: error.syscall === 'getaddrinfo' ? 'EDNS' : 'ESOCKET', command: 'CONN' }));
  const onTimeout = () =>
    settle(Object.assign(new Error(`Connection to ${host}:${port} timed out`), { code: 'ETIMEDOUT', command: 'CONN' }));
  socket.setTimeout(CONNECT_TIMEOUT_MS, onTimeout);
  socket.once('error', onError);
  socket.once('connect', () => settle(null));
}

/**
 * nodemailer signs with RSA-SHA256 only, and when signing fails it sends the message UNSIGNED without a word
 * (lib/dkim/sign.js returns false and the header is skipped). Checking the key here turns a misconfiguration
 * into a startup error instead of a batch of mail that fails DMARC.
 */
function checkDkimKey(privateKey: string): void {
  let key;
  try {
    key = createPrivateKey(privateKey);
  } catch {
    throw new Error('Mail transport: the DKIM private key cannot be read (expected a PEM RSA private key)');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`Mail transport: the DKIM key must be RSA (nodemailer signs rsa-sha256), not ${key.asymmetricKeyType}`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  // Receivers ignore signatures from keys under 1024 bits (RFC 8301); 2048 is the usual choice.
  if (bits < 1024) throw new Error(`Mail transport: the DKIM key has ${bits} bits; at least 1024 (better 2048) are needed`);
}

function addressText(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}
