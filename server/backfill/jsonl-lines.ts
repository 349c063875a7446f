import { StringDecoder } from 'node:string_decoder';
import { BulkOperationGone } from './bulk-operation.ts';

/**
 * Streams the lines of a bulk operation's JSONL file: never the whole file in memory (one network chunk at
 * a time), and the consumer's pace reaches the download. Splitting chunks by hand is several times faster
 * than node:readline here, and a backfill reads hundreds of megabytes.
 */
export async function* jsonlLines(url: string, fetchImpl: typeof fetch = fetch): AsyncGenerator<string> {
  const response = await fetchImpl(url);
  // Result URLs expire (a week on Shopify): the caller runs the bulk query again.
  if ([403, 404, 410].includes(response.status)) throw new BulkOperationGone(url);
  if (!response.ok || !response.body) throw new Error(`Could not download bulk results: HTTP ${response.status}`);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  // Node's web streams are async-iterable; the DOM typings in use do not say so.
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const text = carry + decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) yield text.slice(start, end);
      start = end + 1;
    }
    carry = text.slice(start);
  }
  carry += decoder.end();
  if (carry.trim().length > 0) yield carry;
}
