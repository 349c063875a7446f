/**
 * The ingest benchmark's sandbox, in its own process: the store holding Online Retail is large, and the
 * orchestrator (and whatever runs after the ingest) should not carry its heap. Sends the BulkFile's
 * description once the export is ready, serves the file, and exits when told `close`.
 * Argument: the number of Online Retail lines to load, or 0 for all.
 */
import { produceOrdersBulkFile } from './bulk-file.ts';

const maxLines = Number(process.argv[2]) || undefined;
const { close, ...file } = await produceOrdersBulkFile(maxLines);
process.on('message', async (command) => {
  if (command === 'close') {
    await close();
    process.exit(0);
  }
});
process.send!(file);
