import { escapeHtml } from '../html-escape.ts';
import type { ReceivedMail } from './smtp-sink.ts';

/**
 * HTML for the sandbox mailbox. Every value from a message is escaped: the mail is whatever Tacto (or a
 * test) sent, and the page must show it, not run it. The message's own HTML body is only ever shown inside a
 * sandboxed iframe served with a strict CSP (see mail-router.ts).
 */
export { escapeHtml };

const STYLE = `
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1a1a1a; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem .75rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  caption { text-align: left; font-weight: 600; padding-bottom: .5rem; }
  a { color: #0b57d0; }
  a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  pre { white-space: pre-wrap; background: #f6f6f6; padding: 1rem; overflow-wrap: anywhere; }
  iframe { width: 100%; min-height: 28rem; border: 1px solid #ccc; }
  dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

/** GET /mail: newest first, one row per message, each subject a link to the message. */
export function renderMailList(mails: ReceivedMail[], baseUrl: string): string {
  const rows = [...mails]
    .reverse()
    .map(
      (mail) => `<tr>
  <td><time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(mail.receivedAt.replace('T', ' ').slice(0, 19))}</time></td>
  <td>${escapeHtml(mail.from ?? mail.envelope.from ?? '')}</td>
  <td>${escapeHtml(mail.to ?? mail.envelope.to.join(', '))}</td>
  <td><a href="${escapeHtml(`${baseUrl}/mail/${encodeURIComponent(mail.id)}`)}">${escapeHtml(mail.subject || '(no subject)')}</a></td>
</tr>`,
    )
    .join('\n');
  const body =
    mails.length === 0
      ? '<p>No mail received yet.</p>'
      : `<table>
<caption>${mails.length} message${mails.length === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">Received (UTC)</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page('Sandbox mailbox', `<h1>Sandbox mailbox</h1>\n${body}`);
}

/** GET /mail/:id: headers, the text part, and the HTML part in a sandboxed frame. */
export function renderMailDetail(mail: ReceivedMail, baseUrl: string): string {
  const subject = mail.subject || '(no subject)';
  const summary = [
    ['From', mail.from],
    ['To', mail.to],
    ['Reply-To', mail.replyTo],
    ['Envelope from', mail.envelope.from],
    ['Envelope to', mail.envelope.to.join(', ')],
    ['Received', mail.receivedAt],
  ]
    .filter(([, value]) => value)
    .map(([label, value]) => `<dt>${escapeHtml(label!)}</dt><dd>${escapeHtml(value!)}</dd>`)
    .join('');
  const headers = mail.headers.map((header) => escapeHtml(header.line)).join('\n');
  const html = mail.html
    ? `<h2>HTML part</h2>
<iframe title="HTML part of the message" sandbox src="${escapeHtml(`${baseUrl}/mail/${encodeURIComponent(mail.id)}/html`)}"></iframe>`
    : '<h2>HTML part</h2><p>This message has no HTML part.</p>';
  return page(
    `${subject} – Sandbox mailbox`,
    `<p><a href="${escapeHtml(`${baseUrl}/mail`)}">All mail</a></p>
<h1>${escapeHtml(subject)}</h1>
<dl>${summary}</dl>
<h2>Text part</h2>
${mail.text ? `<pre>${escapeHtml(mail.text)}</pre>` : '<p>This message has no text part.</p>'}
${html}
<details><summary>All headers</summary><pre>${headers}</pre></details>`,
  );
}

/** A JSON-friendly view of a message, without the raw source unless asked (it can be large). */
export function mailJson(mail: ReceivedMail, includeRaw: boolean) {
  const { raw, ...rest } = mail;
  return includeRaw ? { ...rest, raw } : rest;
}
