import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

const MAX_RECORDED_BYTES = 1024 * 1024;

/**
 * Test-run recorder: appends every `/api/` response (method, URL, status,
 * body) as one JSON line to a file, so the final secrets scan can read what
 * the portal served. Only installed when KC_RECORD_API_RESPONSES is set.
 */
export function createResponseRecorder(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.originalUrl.startsWith('/api/')) {
      next();
      return;
    }
    // Compression runs later and would hand this recorder gzip bytes.
    delete req.headers['accept-encoding'];
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (
        chunk === undefined ||
        chunk === null ||
        typeof chunk === 'function'
      ) {
        return;
      }
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            String(chunk),
            typeof encoding === 'string'
              ? (encoding as BufferEncoding)
              : 'utf8',
          );
      if (size < MAX_RECORDED_BYTES) {
        chunks.push(buffer);
      }
      size += buffer.length;
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return (end as (...args: unknown[]) => Response)(chunk, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      fs.appendFileSync(
        file,
        `${JSON.stringify({
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          body: Buffer.concat(chunks).toString('utf8'),
        })}\n`,
      );
    });
    next();
  };
}
