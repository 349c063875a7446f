import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

/**
 * Streams the lines of a bulk operation's JSONL file: never the whole file in memory, and back-pressure
 * from the consumer reaches the HTTP download.
 */
export async function* jsonlLines(url: string, fetchImpl: typeof fetch = fetch): AsyncGenerator<string> {
  const response = await fetchImpl(url);
  if (!response.ok || !response.body) throw new Error(`Could not download bulk results: HTTP ${response.status}`);
  const lines = createInterface({ input: Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield line;
}
