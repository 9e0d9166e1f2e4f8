import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RECORDER = path.resolve(
  __dirname,
  '../../../scripts/lib/record-http-responses.cjs',
);

// A server that reports whether it was asked for gzip, answers one path
// gzipped regardless, the way a compression middleware would, and one with a
// gzipped body larger than the recorder keeps.
const SERVER_SCRIPT = `
const http = require('node:http');
const zlib = require('node:zlib');
const server = http.createServer((req, res) => {
  if (req.url === '/gzipped') {
    res.setHeader('content-encoding', 'gzip');
    res.end(zlib.gzipSync('{"hidden":"inside gzip"}'));
    return;
  }
  if (req.url === '/large') {
    // base64 of random bytes hardly compresses: over 1 MiB even gzipped
    const text = 'START:' + require('node:crypto').randomBytes(1536 * 1024).toString('base64');
    res.setHeader('content-encoding', 'gzip');
    res.end(zlib.gzipSync(text));
    return;
  }
  res.statusCode = 418;
  res.write('accept-encoding=' + (req.headers['accept-encoding'] ?? 'none'));
  res.end(';done');
});
server.listen(0, '127.0.0.1', async () => {
  const base = 'http://127.0.0.1:' + server.address().port;
  const ask = p => new Promise(resolve =>
    http.get(base + p, { headers: { 'accept-encoding': 'gzip' } }, res => {
      res.resume();
      res.on('end', resolve);
    }));
  await ask('/plain?x=1');
  await ask('/gzipped');
  await ask('/large');
  server.close();
});
`;

function runWithRecorder(file: string | undefined) {
  execFileSync(process.execPath, ['--require', RECORDER, '-e', SERVER_SCRIPT], {
    env: {
      PATH: process.env.PATH,
      ...(file ? { KC_RECORD_API_RESPONSES: file } : {}),
    },
    timeout: 20_000,
  });
}

describe('record-http-responses (preloaded into the integration tests)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-record-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('records every response a server in the process sends, as plain text', () => {
    const file = path.join(dir, 'nested', 'responses.jsonl');
    runWithRecorder(file);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(lines.slice(0, 2)).toEqual([
      {
        method: 'GET',
        url: '/plain?x=1',
        status: 418,
        // the recorder leaves the request as the client sent it
        body: 'accept-encoding=gzip;done',
      },
      {
        method: 'GET',
        url: '/gzipped',
        status: 200,
        body: '{"hidden":"inside gzip"}',
      },
    ]);
    // a gzipped body cut off at the recorder's limit is still read as text
    expect(lines[2]).toMatchObject({ url: '/large', status: 200 });
    expect(lines[2].body).toMatch(/^START:[A-Za-z0-9+/]{1000}/);
    expect(lines).toHaveLength(3);
  });

  it('records nothing when no file is named', () => {
    const before = fs.readdirSync(dir).length;
    runWithRecorder(undefined);
    expect(fs.readdirSync(dir).length).toBe(before);
  });
});
