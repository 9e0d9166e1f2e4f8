import { Worker } from 'node:worker_threads';

/**
 * Runs `clients` concurrent request loops for `seconds` in a worker thread (so
 * the clients do not share the backend's event loop) and returns each
 * request's latency in ms. Plain JavaScript: the worker needs no transpiling.
 */
export function runLoadClients(options: {
  urls: string[];
  clients: number;
  seconds: number;
  expectedItems: number;
}): Promise<{ times: number[]; errors: number }> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { urls, clients, seconds, expectedItems } = workerData;
    const deadline = Date.now() + seconds * 1000;
    const times = [];
    let errors = 0;
    Promise.all(Array.from({ length: clients }, async (_u, client) => {
      for (let i = client; Date.now() < deadline; i += clients) {
        const started = process.hrtime.bigint();
        try {
          const response = await fetch(urls[i % urls.length]);
          const body = await response.json();
          if (body.items?.length !== expectedItems) errors += 1;
          else times.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch { errors += 1; }
      }
    })).then(() => parentPort.postMessage({ times, errors }));
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: options });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
