import type { AddressObject } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message the sink accepted: the envelope, the parsed parts, and the raw source for DKIM checks. */
export interface ReceivedMail {
  /** Sequential, never reused within a sink (URLs stay valid after clear()). */
  id: string;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  subject: string | null;
  /** Header values as text, e.g. `Anna Lima <anna@shop.example>`. */
  from: string | null;
  to: string | null;
  replyTo: string | null;
  /** Every header line as received, in order, unfolded values kept whole. */
  headers: { key: string; line: string }[];
  text: string | null;
  html: string | null;
  /** The message exactly as sent over SMTP (CRLF line ends). */
  raw: string;
}

export interface SmtpSink {
  port: number;
  /** Received mail, oldest first. */
  messages(): ReceivedMail[];
  /** Resolves with the first message (already received or arriving) that matches; rejects after timeoutMs. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs: number): Promise<ReceivedMail>;
  clear(): void;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Oldest messages are dropped beyond this many (default 200). */
  maxMessages?: number;
  /** Largest accepted message in bytes (default 10 MB). */
  maxBytes?: number;
}

/**
 * A local SMTP server that keeps what it is sent, so tests and the sandbox UI can read the e-mails Tacto
 * sends. No authentication and no STARTTLS: it listens on localhost only and is never a relay.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const maxMessages = options.maxMessages ?? 200;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const received: ReceivedMail[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();
  let nextId = 1;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    hideSTARTTLS: true,
    size: maxBytes,
    logger: false,
    banner: 'Tacto sandbox mail sink',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        // smtp-server keeps reading past the limit so the client sees a proper 552 rather than a cut line.
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error(`Message exceeds the ${maxBytes}-byte limit`), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw, { skipImageLinks: true })
          .then((parsed) => {
            const mail: ReceivedMail = {
              id: String(nextId++),
              receivedAt: new Date().toISOString(),
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              },
              subject: parsed.subject ?? null,
              from: addressText(parsed.from),
              to: addressText(parsed.to),
              replyTo: addressText(parsed.replyTo),
              headers: parsed.headerLines.map(({ key, line }) => ({ key, line })),
              text: parsed.text ?? null,
              html: typeof parsed.html === 'string' ? parsed.html : null,
              raw: raw.toString('utf8'),
            };
            received.push(mail);
            if (received.length > maxMessages) received.splice(0, received.length - maxMessages);
            for (const waiter of [...waiters]) waiter(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after start (a client hanging up mid-message) must not crash the sandbox.
  server.on('error', () => {});
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages: () => [...received],
    clear: () => {
      received.length = 0;
    },
    waitFor(predicate, timeoutMs) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching mail arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function addressText(address: AddressObject | AddressObject[] | undefined): string | null {
  if (!address) return null;
  return Array.isArray(address) ? address.map((entry) => entry.text).join(', ') : address.text;
}
