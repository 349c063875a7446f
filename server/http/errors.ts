import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../logger.ts';

/** An error whose status and stable `error` code reach the client as JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** More for the client beside `error` and `message` (e.g. a linter's findings). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`));
};

/** The one place that turns errors into HTTP responses: `{ error, message }`, never a stack trace. */
export function errorResponder(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    // A handler may have typed its answer before failing (serve-static names a .js file's type before a bad
    // Range): the error is JSON, and says so, whatever was set before.
    res.type('json');
    if (error instanceof HttpError) {
      res.status(error.status).set(error.headers).json({ ...error.details, error: error.code, message: error.message });
      return;
    }
    if (error instanceof ZodError) {
      const message = error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
      res.status(400).json({ error: 'invalid_request', message });
      return;
    }
    // body-parser errors (malformed JSON, oversized bodies) carry a 4xx status of their own.
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status < 500) {
      res.status(status).json({ error: 'invalid_request', message: String(error.message ?? 'Bad request') });
      return;
    }
    logger.error({ err: error, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal_error', message: 'Something went wrong on our side.' });
  };
}
