import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';

/**
 * A JSONL result file written as a stream (a bulk export can run to hundreds of megabytes), under a
 * `.part` name until it is complete so that a half-written file is never served.
 */
export class BulkFile {
  private readonly stream: WriteStream;
  private readonly partPath: string;
  size = 0;

  constructor(
    private readonly directory: string,
    readonly name: string,
  ) {
    this.partPath = join(directory, `${name}.part`);
    this.stream = createWriteStream(this.partPath);
    // Without a listener a write error would crash the sandbox; finish() reports it instead.
    this.stream.on('error', () => {});
  }

  async append(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    if (this.stream.errored) throw this.stream.errored;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Closes the file; keeps it under its final name (returned) or deletes it. */
  async finish(keep: boolean): Promise<string | null> {
    this.stream.end();
    await finished(this.stream);
    if (!keep) {
      await rm(this.partPath, { force: true });
      return null;
    }
    const finalPath = join(this.directory, this.name);
    await rename(this.partPath, finalPath);
    this.size = (await stat(finalPath)).size;
    return this.name;
  }
}
