import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createResponseRecorder } from './responseRecorder';

describe('createResponseRecorder', () => {
  it('records API responses as plain JSON lines even behind compression, and nothing else', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-recorder-'));
    const file = path.join(dir, 'responses', 'portal.jsonl');
    const app = express();
    app.use(createResponseRecorder(file));
    // The same compression the portal's root router applies.
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }).compression(),
    );
    app.get('/api/things', (_req, res) => {
      res.json({ items: ['a'.repeat(20_000)] });
    });
    app.get('/index.html', (_req, res) => {
      res.send('<html></html>');
    });
    try {
      const response = await request(app)
        .get('/api/things?x=1')
        .set('accept-encoding', 'gzip');
      expect(response.status).toBe(200);
      await request(app).get('/index.html');
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toEqual({
        method: 'GET',
        url: '/api/things?x=1',
        status: 200,
        body: JSON.stringify({ items: ['a'.repeat(20_000)] }),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
