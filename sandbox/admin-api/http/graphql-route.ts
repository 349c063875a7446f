import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { AdminGraphql } from '../graphql/admin-graphql.ts';
import { INVALID_TOKEN_BODY, MISSING_QUERY_BODY, NOT_FOUND_BODY } from '../graphql/errors.ts';
import { graphqlRequestOf } from './request-body.ts';

/** Stable versions are quarterly (`2025-01`, `2025-04`, …); `unstable` is the preview. */
const API_VERSION = /^(?:\d{4}-(?:01|04|07|10)|unstable)$/;
const BODY_LIMIT = '5mb';

export interface GraphqlRouteOptions {
  graphql: AdminGraphql;
  authenticate(accessToken: string): { scopes: string[] } | null;
}

/** `POST /admin/api/:version/graphql.json`: version check, then token, then body, as Shopify orders them. */
export function graphqlRoute({ graphql, authenticate }: GraphqlRouteOptions): Router {
  const router = Router();

  const gate: RequestHandler = (req, res, next) => {
    if (!API_VERSION.test(String(req.params.version))) {
      res.status(404).json(NOT_FOUND_BODY);
      return;
    }
    const token = req.get('X-Shopify-Access-Token');
    const grant = token ? authenticate(token) : null;
    if (!grant) {
      res.status(401).json(INVALID_TOKEN_BODY);
      return;
    }
    res.locals.scopes = new Set(grant.scopes);
    next();
  };

  const handle: RequestHandler = async (req, res) => {
    const request = graphqlRequestOf(req.body);
    if (!request) {
      res.status(400).json(MISSING_QUERY_BODY);
      return;
    }
    const body = await graphql.handle(request, res.locals.scopes as ReadonlySet<string>);
    res.set('X-Shopify-API-Version', String(req.params.version)).json(body);
  };

  // A body that is not JSON at all gets the same 400 as one without a query.
  const badBody: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.parse.failed' || error.status === 400 || error.status === 413) {
      res.status(error.status === 413 ? 413 : 400).json(MISSING_QUERY_BODY);
      return;
    }
    next(error);
  };

  router.post(
    '/admin/api/:version/graphql.json',
    gate,
    express.json({ limit: BODY_LIMIT }),
    express.text({ type: 'application/graphql', limit: BODY_LIMIT }),
    handle,
    badBody,
  );
  return router;
}
