/*
 * Preloaded (node --require) into the integration-test process when
 * KC_RECORD_API_RESPONSES names a file: every HTTP response any server in that
 * process sends (the test backends, the scaffolder, the REST API) is appended
 * there as one JSON line, so the final secrets scan reads what the tests were
 * served, not only what they asserted.
 */
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');

const file = process.env.KC_RECORD_API_RESPONSES;
const MAX_RECORDED_BYTES = 1024 * 1024;

if (file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const proto = http.ServerResponse.prototype;
  const originalWrite = proto.write;
  const originalEnd = proto.end;
  const recorded = Symbol('recordedChunks');

  const keep = (res, chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') {
      return;
    }
    const state = res[recorded] || (res[recorded] = { chunks: [], size: 0 });
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
      ? Buffer.from(chunk)
      : Buffer.from(
          String(chunk),
          typeof encoding === 'string' ? encoding : 'utf8',
        );
    if (state.size < MAX_RECORDED_BYTES) {
      state.chunks.push(buffer);
    }
    state.size += buffer.length;
  };

  // Requests keep their Accept-Encoding: the recorder must not change what
  // the code under test sends (a gzipped answer is what the client gets).
  // Encoded bodies are decoded here instead; a sync flush also decodes the
  // start of a body cut off at MAX_RECORDED_BYTES.
  const partial = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const decode = (body, encoding) => {
    try {
      if (encoding === 'gzip') return zlib.gunzipSync(body, partial);
      if (encoding === 'deflate') return zlib.inflateSync(body, partial);
      if (encoding === 'br') {
        return zlib.brotliDecompressSync(body, {
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      }
    } catch {
      // A body that cannot be decoded stays as it is.
    }
    return body;
  };

  proto.write = function write(chunk, encoding, ...rest) {
    keep(this, chunk, encoding);
    return originalWrite.call(this, chunk, encoding, ...rest);
  };
  proto.end = function end(chunk, encoding, ...rest) {
    keep(this, chunk, encoding);
    const state = this[recorded];
    const request = this.req;
    try {
      fs.appendFileSync(
        file,
        `${JSON.stringify({
          method: request && request.method,
          url: request && (request.originalUrl || request.url),
          status: this.statusCode,
          body: state
            ? decode(
                Buffer.concat(state.chunks),
                this.getHeader('content-encoding'),
              ).toString('utf8')
            : '',
        })}\n`,
      );
    } catch {
      // Recording must never break the test it observes.
    }
    return originalEnd.call(this, chunk, encoding, ...rest);
  };
}
