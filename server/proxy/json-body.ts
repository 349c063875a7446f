import express, { type RequestHandler } from 'express';
import { HttpError } from '../http/errors.ts';

/**
 * The storefront's writes through the app proxy are JSON, and only JSON: a form or a "simple" request from another
 * site cannot carry that type without a CORS preflight, which the app proxy never grants, so no other page can
 * make a shopper's browser post them (CSRF). Anything else is a 415 before the body is read.
 */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) return next(new HttpError(415, 'unsupported_media_type', 'Send JSON (Content-Type: application/json).'));
  next();
};

/** The storefront's bodies are a few hundred bytes; anything over 4 KB is a 413 before it is parsed. */
export const smallJsonBody: RequestHandler = express.json({ limit: '4kb' });
