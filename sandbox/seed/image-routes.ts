import { Router } from 'express';
import type { SandboxStore } from '../store/store.ts';
import { renderPlaceholderSvg } from './placeholder-image.ts';

/** `/images/<handle>.svg`: the demo products' pictures, drawn on demand. */
export function imageRoutes(store: SandboxStore): Router {
  const router = Router();
  router.get('/images/:file', (req, res) => {
    const handle = /^([a-z0-9-]+)\.svg$/.exec(req.params.file)?.[1];
    const product = handle ? [...store.products.values()].find((p) => p.handle === handle) : undefined;
    if (!product) {
      res.status(404).type('text').send('No such image');
      return;
    }
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=3600').send(renderPlaceholderSvg(product));
  });
  return router;
}
