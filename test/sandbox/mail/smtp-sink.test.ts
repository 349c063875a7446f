import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../sandbox/mail/smtp-sink.ts';

let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

function transportTo(port: number) {
  // ignoreTLS: the sink offers no STARTTLS, and a test must not silently depend on one.
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

describe('startSmtpSink', () => {
  it('receives a message and parses its envelope, headers, text and HTML, keeping the raw source', async () => {
    sink = await startSmtpSink();
    expect(sink.port).toBeGreaterThan(0);
    await transportTo(sink.port).sendMail({
      from: 'Ana Lima <ana@tacto-demo.example>',
      to: 'olivia.bennett@example.com',
      replyTo: 'ana.lima@tacto-demo.example',
      subject: 'Your coat is on its way — a note from Ana',
      text: 'Hi Olivia,\nThank you!',
      html: '<p>Hi Olivia,</p><p>Thank you!</p>',
      headers: { 'X-Tacto-Follow-Up': 'order-1001' },
    });
    const [mail] = sink.messages();
    expect(mail).toMatchObject({
      id: '1',
      envelope: { from: 'ana@tacto-demo.example', to: ['olivia.bennett@example.com'] },
      subject: 'Your coat is on its way — a note from Ana',
      from: '"Ana Lima" <ana@tacto-demo.example>', // mailparser's text form quotes the name
      to: 'olivia.bennett@example.com',
      replyTo: 'ana.lima@tacto-demo.example',
      text: 'Hi Olivia,\nThank you!',
      html: '<p>Hi Olivia,</p><p>Thank you!</p>',
    });
    expect(mail!.headers).toContainEqual({ key: 'x-tacto-follow-up', line: 'X-Tacto-Follow-Up: order-1001' });
    expect(mail!.raw).toMatch(/^[\s\S]*\r\nSubject: =\?UTF-8\?/);
    expect(Date.parse(mail!.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('waitFor resolves with a message that arrives later, and times out when none matches', async () => {
    sink = await startSmtpSink();
    const waiting = sink.waitFor((mail) => mail.subject === 'second', 20_000);
    const transport = transportTo(sink.port);
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'first', text: '1' });
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'second', text: '2' });
    expect((await waiting).id).toBe('2');
    // Already received: resolves at once.
    expect((await sink.waitFor((mail) => mail.subject === 'first', 10)).id).toBe('1');
    await expect(sink.waitFor((mail) => mail.subject === 'never', 50)).rejects.toThrow(/within 50 ms/);
  });

  it('keeps at most maxMessages, drops the oldest, and never reuses an id after clear()', async () => {
    sink = await startSmtpSink({ maxMessages: 2 });
    const transport = transportTo(sink.port);
    for (const subject of ['a', 'b', 'c']) await transport.sendMail({ from: 'x@example.com', to: 'y@example.com', subject, text: subject });
    expect(sink.messages().map((mail) => mail.subject)).toEqual(['b', 'c']);
    sink.clear();
    expect(sink.messages()).toEqual([]);
    await transport.sendMail({ from: 'x@example.com', to: 'y@example.com', subject: 'd', text: 'd' });
    expect(sink.messages().map((mail) => mail.id)).toEqual(['4']);
  });

  it('refuses messages over the size limit and offers neither AUTH nor STARTTLS', async () => {
    sink = await startSmtpSink({ maxBytes: 2_000 });
    const transport = transportTo(sink.port);
    await expect(
      transport.sendMail({ from: 'x@example.com', to: 'y@example.com', subject: 'big', text: 'x'.repeat(10_000) }),
    ).rejects.toThrow(/552|size|exceeds/i);
    expect(sink.messages()).toHaveLength(0);
    const strict = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, requireTLS: true });
    await expect(strict.sendMail({ from: 'x@example.com', to: 'y@example.com', text: 'x' })).rejects.toThrow();
  });
});
