import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { NOT_FOUND_BODY } from '../graphql/errors.ts';

/** Names BulkFile gives results; anything else (a `.part` file, a path) is not served. */
const RESULT_FILE = /^bulk-\d+-[0-9a-f-]{36}\.jsonl$/;

/**
 * `GET /bulk-results/:file`: a finished bulk operation's JSONL, streamed. Like Shopify's signed storage
 * URLs it needs no token; the random file name is the capability.
 */
export function bulkResultsRoute(directory: string): Router {
  const router = Router();
  router.get('/bulk-results/:file', async (req, res) => {
    const name = String(req.params.file);
    const path = join(directory, name);
    const info = RESULT_FILE.test(name) ? await stat(path).catch(() => null) : null;
    if (!info?.isFile()) {
      res.status(404).json(NOT_FOUND_BODY);
      return;
    }
    res.status(200).set({ 'Content-Type': 'application/jsonl', 'Content-Length': String(info.size) });
    await pipeline(createReadStream(path), res).catch(() => res.destroy());
  });
  return router;
}
