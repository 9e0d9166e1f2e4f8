import { percentile } from '../sideBySide/report';
import {
  entityName,
  placementOf,
  PROBE_ENTITIES,
  CONNECTORS_PER_ENTITY,
} from './layout';
import type { phaseMeter } from './phaseMeter';
import { type PortalClient, sleep } from './portalClient';
import {
  connectorStatus,
  startStatusChanges,
  StatusWriter,
} from './statusChanges';

type PhaseMeter = Awaited<ReturnType<typeof phaseMeter>>;

/** Page views one at a time, `pauseMs` apart (real page views are not microseconds apart). */
export async function pageViews(
  client: PortalClient,
  entities: number[],
  pauseMs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (const entity of entities) {
    await sleep(pauseMs);
    const answer = await client.entityConnectors(entityName(entity));
    if (answer.body.items.length !== CONNECTORS_PER_ENTITY) {
      throw new Error(
        `${entityName(entity)}: ${
          answer.body.items.length
        } connectors, expected ${CONNECTORS_PER_ENTITY}`,
      );
    }
    times.push(answer.ms);
  }
  return times.sort((a, b) => a - b);
}

export async function firstPages(
  client: PortalClient,
  count: number,
  pauseMs: number,
) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    await sleep(pauseMs);
    const answer = await client.firstPage();
    if (answer.body.items.length !== 50) {
      throw new Error(`first page: ${answer.body.items.length} items`);
    }
    times.push(answer.ms);
    bytes = Math.max(bytes, answer.bytes);
  }
  return { times: times.sort((a, b) => a - b), bytes };
}

/** Distinct random entities among those with connectors, none of the probes'. */
export function randomEntities(
  loadedEntities: number,
  count: number,
): number[] {
  const pool = Array.from(
    { length: loadedEntities - PROBE_ENTITIES },
    (_u, i) => i + PROBE_ENTITIES,
  );
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

/**
 * `perSecond` status changes a second land on the API servers for `seconds`
 * while page views (entity pages, the ownership page's first page) and
 * visibility probes run: a probe writes a status with a transition time no
 * other write uses and polls the entity's page until it shows it.
 */
export async function underStatusChanges(options: {
  client: PortalClient;
  writer: StatusWriter;
  clusters: number;
  loadedConnectors: number;
  perSecond: number;
  seconds: number;
  pauseMs: number;
}) {
  const { client, writer, clusters, loadedConnectors } = options;
  const firstChangeable = PROBE_ENTITIES * CONNECTORS_PER_ENTITY;
  const changes = startStatusChanges({
    writer,
    perSecond: options.perSecond,
    pick: () =>
      placementOf(
        firstChangeable +
          Math.floor(Math.random() * (loadedConnectors - firstChangeable)),
        clusters,
      ),
  });
  const endAt = Date.now() + options.seconds * 1000;
  const entityTimes: number[] = [];
  const pageTimes: number[] = [];
  const visible: number[] = [];
  // The probe's own write through a busy API server is part of `visible`;
  // kept apart too, so a slow write is not read as a slow backend.
  const writeTimes: number[] = [];
  const visibleAfterWrite: number[] = [];
  let notSeen = 0;
  const loadedEntities = loadedConnectors / CONNECTORS_PER_ENTITY;
  // A failed request is counted, not fatal: under this load Backstage's own
  // service-to-service calls (keep-alive sockets to itself) now and then
  // fail with ECONNRESET, and one of those should not end the run.
  const errors: string[] = [];
  const counted = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      errors.push(String(error).slice(0, 200));
      return undefined;
    }
  };
  const entityLoop = async () => {
    while (Date.now() < endAt) {
      const [entity] = randomEntities(loadedEntities, 1);
      await sleep(options.pauseMs);
      const answer = await counted(() =>
        client.entityConnectors(entityName(entity)),
      );
      if (answer) {
        entityTimes.push(answer.ms);
      }
    }
  };
  const pageLoop = async () => {
    while (Date.now() < endAt) {
      await sleep(200);
      const answer = await counted(() => client.firstPage());
      if (answer) {
        pageTimes.push(answer.ms);
      }
    }
  };
  const probeLoop = async () => {
    for (let probe = 0; Date.now() < endAt; probe++) {
      await sleep(500);
      const entity = probe % PROBE_ENTITIES;
      const connector =
        entity * CONNECTORS_PER_ENTITY + (probe % CONNECTORS_PER_ENTITY);
      const place = placementOf(connector, clusters);
      const marker = new Date(Date.UTC(2031, 0, 1) + probe * 1000)
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      const started = Date.now();
      await writer.write(
        place.cluster,
        place.namespace,
        place.name,
        connectorStatus(place.name, probe % 2 === 0, marker),
      );
      const written = Date.now();
      writeTimes.push(written - started);
      for (;;) {
        const answer = await counted(() =>
          client.entityConnectors(entityName(entity)),
        );
        const item = answer?.body.items.find(each => each.name === place.name);
        if (item?.lastTransitionTime === marker) {
          visible.push(Date.now() - started);
          visibleAfterWrite.push(Date.now() - written);
          break;
        }
        if (Date.now() - started > 10_000) {
          notSeen++;
          break;
        }
        await sleep(5);
      }
    }
  };
  await Promise.all([entityLoop(), pageLoop(), probeLoop()]);
  const landed = await changes.stop();
  visible.sort((a, b) => a - b);
  writeTimes.sort((a, b) => a - b);
  visibleAfterWrite.sort((a, b) => a - b);
  return {
    entityTimes: entityTimes.sort((a, b) => a - b),
    pageTimes: pageTimes.sort((a, b) => a - b),
    visible,
    notSeen,
    errors,
    changes: landed,
    visibleP50: percentile(visible, 50),
    visibleMax: visible[visible.length - 1],
    writeP50: percentile(writeTimes, 50),
    writeMax: writeTimes[writeTimes.length - 1],
    afterWriteP50: percentile(visibleAfterWrite, 50),
    afterWriteMax: visibleAfterWrite[visibleAfterWrite.length - 1],
  };
}

/**
 * The real checks a page view of /entity-connectors makes, asked one by one
 * from outside with the same user token, `pauseMs` apart: what the suite's
 * own work adds is the page view minus these.
 */
export async function checkCosts(
  client: PortalClient,
  entities: number[],
  pauseMs: number,
  meter: PhaseMeter,
) {
  const cpuMs: Record<string, number> = {};
  const series = async (
    name: string,
    call: (entity: number) => Promise<{ ms: number }>,
  ) => {
    const measured = await meter.measure(name, entities.length, async () => {
      const times: number[] = [];
      for (const entity of entities) {
        await sleep(pauseMs);
        times.push((await call(entity)).ms);
      }
      return times.sort((a, b) => a - b);
    });
    cpuMs[name] = measured.cpuMs;
    return measured.result;
  };
  return {
    cpuMs,
    floor: await series('floor', () => client.get('/api/kafka-connect/health')),
    permission: await series('permission', () =>
      client.post('/api/permission/authorize', {
        items: [
          {
            id: 'bench',
            permission: {
              type: 'basic',
              name: 'kafka.connect.read',
              attributes: { action: 'read' },
            },
          },
        ],
      }),
    ),
    catalog: await series('catalog', entity =>
      client.get(
        `/api/catalog/entities/by-name/component/default/${entityName(entity)}`,
      ),
    ),
  };
}
