import type { Server } from 'node:http';

/**
 * Server-side time of each request: from the request event to the last byte
 * handed to the socket. It leaves out what both endpoints share equally: the
 * client, loopback, and the machine waking from idle.
 */
export function recordServerTimes(server: Server) {
  const times: Array<{ url: string; ms: number }> = [];
  server.prependListener('request', (request, response) => {
    const started = process.hrtime.bigint();
    // Routers rewrite request.url on the way down; keep the original.
    const url = request.url ?? '';
    response.once('finish', () => {
      times.push({ url, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
  });
  return {
    clear() {
      times.length = 0;
    },
    /** Sorted times of the requests whose path starts with `prefix`, since the last clear. */
    of(prefix: string): number[] {
      return times
        .filter(entry => entry.url.startsWith(prefix))
        .map(entry => entry.ms)
        .sort((a, b) => a - b);
    },
  };
}
