import express from 'express';
import request from 'supertest';
import zlib from 'node:zlib';
import type { KeptAnswer } from './responseMemo';
import { sendKept } from './sendKept';

function appSending(answer: KeptAnswer) {
  const app = express();
  app.get('/', (req, res) => sendKept(req, res, answer));
  return app;
}

const large: KeptAnswer = {
  json: JSON.stringify({
    items: Array.from({ length: 200 }, (_u, i) => ({ name: `c${i}` })),
  }),
  etag: 'W/"large"',
};

describe('sendKept', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends a gzip-accepting client the answer gzipped once, and the same bytes again', async () => {
    const gzip = jest.spyOn(zlib, 'gzipSync');
    const app = appSending(large);

    const first = await request(app).get('/').set('Accept-Encoding', 'gzip');
    const second = await request(app)
      .get('/')
      .set('Accept-Encoding', 'gzip, deflate, br');

    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers.vary).toContain('Accept-Encoding');
      expect(response.headers.etag).toBe('W/"large"');
      // supertest decodes gzip: the body is the kept JSON.
      expect(response.body).toEqual(JSON.parse(large.json));
    }
    expect(gzip).toHaveBeenCalledTimes(1);
  });

  it('sends the plain bytes to a client that does not accept gzip, and small answers uncompressed', async () => {
    const identity = await request(appSending(large))
      .get('/')
      .set('Accept-Encoding', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toEqual(JSON.parse(large.json));

    const refused = await request(appSending(large))
      .get('/')
      .set('Accept-Encoding', 'gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();

    const small = await request(
      appSending({ json: '{"items":[]}', etag: 'W/"small"' }),
    )
      .get('/')
      .set('Accept-Encoding', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toEqual({ items: [] });
  });

  it("answers 304 without a body when the client's copy is current", async () => {
    const response = await request(appSending(large))
      .get('/')
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', 'W/"large"');
    expect(response.status).toBe(304);
    expect(response.text).toBe('');
  });
});
