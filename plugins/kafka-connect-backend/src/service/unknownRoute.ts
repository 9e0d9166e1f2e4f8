import { NotFoundError } from '@backstage/errors';
import type express from 'express';

/**
 * Mounted after every route of the plugin: an unknown path or verb gets a 404
 * that says so, rather than the empty body a fall-through would give.
 */
export function unknownRoute(
  req: express.Request,
  _res: express.Response,
  next: express.NextFunction,
) {
  next(
    new NotFoundError(
      `The kafka-connect API has no route ${req.method} ${req.path}; see the plugin's README for its routes`,
    ),
  );
}
