/**
 * The follow-up benchmark's SMTP sink, in its own process so that receiving is not on the measured process. It is
 * smtp-server directly rather than the sandbox's sink (sandbox/mail/smtp-sink.ts): that one parses every message
 * with mailparser, which on a 2-core machine would take CPU from the process being measured. Here each message is
 * only counted, its Message-ID noted (for the duplicate check) and the first few kept raw (for the parsed checks).
 *
 * Sends `{ port }` when listening; answers `take` with a SinkTake for everything received since the last take, and
 * exits when told `close`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkTake {
  messages: number;
  distinctMessageIds: number;
  /** Messages that had no Message-ID header at all. */
  withoutMessageId: number;
  bytes: number;
  /** The first messages of this take, as received. */
  samples: string[];
}

const SAMPLES = 3;
let messageIds = new Set<string>();
let take: SinkTake = fresh();

function fresh(): SinkTake {
  return { messages: 0, distinctMessageIds: 0, withoutMessageId: 0, bytes: 0, samples: [] };
}

function received(raw: Buffer): void {
  take.messages += 1;
  take.bytes += raw.length;
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1');
  // Header names are case-insensitive; the value may be folded onto the next line.
  const id = /^message-id:\s*(<[^>]*>)/im.exec(head.replace(/\r\n[ \t]+/g, ' '))?.[1];
  if (id) messageIds.add(id);
  else take.withoutMessageId += 1;
  if (take.samples.length < SAMPLES) take.samples.push(raw.toString('utf8'));
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  hideSTARTTLS: true,
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () => {
      received(Buffer.concat(chunks));
      callback();
    });
  },
});
server.on('error', () => {}); // a client hanging up mid-message must not end the sink

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.on('message', (command) => {
  if (command === 'close') {
    server.close(() => process.exit(0));
  } else if (command === 'take') {
    process.send!({ ...take, distinctMessageIds: messageIds.size });
    take = fresh();
    messageIds = new Set();
  }
});
process.send!({ port: (server.server.address() as AddressInfo).port });
