import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';

/** Dependencies of the plugin's HTTP router. */
export interface RouterOptions {
  logger: LoggerService;
}

/** Builds the plugin's REST API under `/api/kafka-connect`. */
export async function createRouter(
  _options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}
