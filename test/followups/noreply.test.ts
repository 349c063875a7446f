import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoReplyAddress, noReplyMessage } from '../../server/followups/personas/noreply.ts';

/** fast-check's seed: every run checks the same cases, so CI never turns red by chance (change it to explore others). */
const SEED = 250871;

describe('isNoReplyAddress', () => {
  it.each([
    'noreply@shop.com',
    'no-reply@shop.com',
    'No_Reply@shop.com',
    'NOREPLY@SHOP.COM',
    'do.not.reply@shop.com',
    'DoNotReply@shop.com',
    'do-not-reply@shop.com',
    'dont-reply@shop.com',
    'MAILER-DAEMON@shop.com',
    'mailer_daemon@shop.com',
    'noreply+shop@shop.com', // the +tag is ignored, the rest still reads "no reply"
    'orders-noreply@shop.com',
    'noreply.orders@shop.com',
    'orders.no.reply@shop.com',
    'OrdersNoReply@shop.com', // words told apart by case
    'shopnoreply@shop.com', // glued to the end of a word
    'noreply2@shop.com',
    'nó-rêply@shop.com', // accents stripped
    'Tacto Shop <no-reply@shop.com>', // a display name around the address
    '"no reply"@shop.com', // a quoted local part
    '"orders@noreply"@shop.com', // the local part runs to the last @
    '  noreply@shop.com  ',
  ])('refuses %s', (address) => {
    expect(isNoReplyAddress(address)).toBe(true);
  });

  it.each([
    'anna@shop.com',
    'hello@shop.com',
    'reply@shop.com',
    'replies@shop.com',
    'norbert@shop.com',
    'noriko@shop.com',
    'anna.noriega@shop.com', // "nor" then "iega"
    'juno.reply@shop.com', // the "no" ends "juno": this is Juno's address
    'bruno-replies@shop.com',
    'donna.reply@shop.com',
    'reply-to-anna@shop.com',
    'no@shop.com',
    'mailer@shop.com',
    'daemon@shop.com',
    'anna+noreply@shop.com', // the tag is a filter label: mail still reaches Anna
    'anna@noreply.shop.com', // only the local part says who answers
    'Anna Souza <anna.souza@shop.com>',
    '',
  ])('accepts %s', (address) => {
    expect(isNoReplyAddress(address)).toBe(false);
  });

  it('refuses "no reply" whatever the case and punctuation between and around its words', () => {
    const word = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) =>
      [...text].map((c, k) => (upper[k] ? c.toUpperCase() : c)).join(''));
    const separator = fc.constantFrom('', '-', '_', '.');
    const refused = fc.constantFrom(['no', 'reply'], ['do', 'not', 'reply'], ['mailer', 'daemon']);
    fc.assert(
      fc.property(
        refused.chain((words) => fc.tuple(...words.map(word))),
        fc.array(separator, { minLength: 2, maxLength: 2 }),
        fc.option(fc.constantFrom('orders', 'shop', 'team'), { nil: undefined }),
        fc.constantFrom('-', '.', '_'),
        fc.option(fc.constantFrom('+eu', '+orders'), { nil: undefined }),
        (words, [first = '', second = ''], other, joint, tag) => {
          const core = words.map((w, k) => (k === 0 ? w : `${k === 1 ? first : second}${w}`)).join('');
          const local = other === undefined ? core : `${other}${joint}${core}`;
          expect(isNoReplyAddress(`${local}${tag ?? ''}@shop.example`)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('noReplyMessage', () => {
  it('names the field and says why a real, answerable address is needed', () => {
    expect(noReplyMessage('Reply-To')).toMatch(/^A Reply-To address that reads as "no reply" can't be used/);
    expect(noReplyMessage('From')).toMatch(/^A From address/);
    expect(noReplyMessage('From')).toMatch(/real person/);
    expect(noReplyMessage('From')).toMatch(/answer/);
  });
});
