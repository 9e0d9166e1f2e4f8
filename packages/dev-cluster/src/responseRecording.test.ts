import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RECORDER = path.resolve(
  __dirname,
  '../../../scripts/lib/record-http-responses.cjs',
);

// A server that reports whether it was asked for gzip, and answers one path
// gzipped regardless, the way a compression middleware would.
const SERVER_SCRIPT = `
const http = require('node:http');
const zlib = require('node:zlib');
const server = http.createServer((req, res) => {
  if (req.url === '/gzipped') {
    res.setHeader('content-encoding', 'gzip');
    res.end(zlib.gzipSync('{"hidden":"inside gzip"}'));
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
    expect(lines).toEqual([
      {
        method: 'GET',
        url: '/plain?x=1',
        status: 418,
        // the request's accept-encoding was dropped, so bodies stay readable
        body: 'accept-encoding=none;done',
      },
      {
        method: 'GET',
        url: '/gzipped',
        status: 200,
        body: '{"hidden":"inside gzip"}',
      },
    ]);
  });

  it('records nothing when no file is named', () => {
    const before = fs.readdirSync(dir).length;
    runWithRecorder(undefined);
    expect(fs.readdirSync(dir).length).toBe(before);
  });
});
