import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mailSinkRouter } from '../../../sandbox/mail/mail-router.ts';
import { startSmtpSink, type SmtpSink } from '../../../sandbox/mail/smtp-sink.ts';

let sink: SmtpSink;
let server: Server;
let base: string;

beforeEach(async () => {
  sink = await startSmtpSink();
  const app = express();
  app.use('/sandbox', mailSinkRouter(sink));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sandbox`;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  await transport.sendMail({ from: 'Ana <ana@shop.example>', to: 'olivia@example.com', subject: 'Older note', text: 'plain only' });
  await transport.sendMail({
    from: 'Ana <ana@shop.example>',
    to: 'olivia@example.com',
    subject: '<script>alert(1)</script> Thank you',
    text: 'Text <b>part</b>',
    html: '<h1>Hello</h1><script>alert("x")</script><img src="https://tracker.example/pixel.gif">',
  });
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sink.close();
});

describe('mailSinkRouter', () => {
  it('lists mail newest first with time, from, to and a link, escaping what the mail says', async () => {
    const response = await fetch(`${base}/mail`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<th scope="col">Subject</th>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; Thank you');
    expect(html.indexOf('/sandbox/mail/2')).toBeGreaterThan(-1);
    expect(html.indexOf('/sandbox/mail/2')).toBeLessThan(html.indexOf('/sandbox/mail/1'));
    expect(html).toContain('&#34;Ana&#34; &#60;ana@shop.example&#62;');
  });

  it('shows one message with its text escaped and its HTML only in a sandboxed frame', async () => {
    const html = await (await fetch(`${base}/mail/2`)).text();
    expect(html).toContain('Text &#60;b&#62;part&#60;/b&#62;');
    expect(html).toMatch(/<iframe title="HTML part of the message" sandbox src="\/sandbox\/mail\/2\/html">/);
    expect(html).not.toContain('<h1>Hello</h1>');
    const plain = await (await fetch(`${base}/mail/1`)).text();
    expect(plain).toContain('This message has no HTML part.');
  });

  it('serves the HTML part with a CSP that blocks scripts and remote images', async () => {
    const response = await fetch(`${base}/mail/2/html`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    expect(csp).not.toContain('script-src');
    expect(await response.text()).toContain('<h1>Hello</h1>');
    expect((await fetch(`${base}/mail/1/html`)).status).toBe(404);
  });

  it('answers 404 for an unknown message and lists everything as JSON, raw source on request', async () => {
    expect((await fetch(`${base}/mail/99`)).status).toBe(404);
    const list = (await (await fetch(`${base}/mail.json`)).json()) as { messages: { id: string; raw?: string }[] };
    expect(list.messages.map((mail) => mail.id)).toEqual(['2', '1']);
    expect(list.messages[0]).not.toHaveProperty('raw');
    const withRaw = (await (await fetch(`${base}/mail.json?raw=1`)).json()) as { messages: { raw: string }[] };
    expect(withRaw.messages[0]!.raw).toContain('Subject:');
  });
});
