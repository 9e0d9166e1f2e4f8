import type express from 'express';
import { gzipSync } from 'node:zlib';
import type { KeptAnswer } from './responseMemo';

/** Below this many characters gzip saves little (Backstage's compression middleware uses the same threshold). */
const COMPRESS_FROM = 1024;

const gzipped = new WeakMap<KeptAnswer, Buffer>();
const plain = new WeakMap<KeptAnswer, Buffer>();

/**
 * Sends a kept answer as the bytes kept with it: gzipped once per answer
 * for a client that accepts gzip (the backend's compression middleware
 * leaves an encoded body alone, so a repeated first page of 50 is not
 * compressed again on every request), else its UTF-8 bytes. The ETag is the
 * answer's, so a client's current copy still gets a 304.
 */
export function sendKept(
  req: express.Request,
  res: express.Response,
  answer: KeptAnswer,
) {
  res.set('ETag', answer.etag);
  res.type('application/json');
  res.vary('Accept-Encoding');
  if (
    answer.json.length >= COMPRESS_FROM &&
    req.acceptsEncodings('gzip') === 'gzip'
  ) {
    let body = gzipped.get(answer);
    if (!body) {
      body = gzipSync(answer.json);
      gzipped.set(answer, body);
    }
    res.set('Content-Encoding', 'gzip');
    res.send(body);
    return;
  }
  let body = plain.get(answer);
  if (!body) {
    body = Buffer.from(answer.json);
    plain.set(answer, body);
  }
  res.send(body);
}
