import type { CustomObjectsApi } from '@kubernetes/client-node';
import { type Endpoints, timed, timedFloor } from './endpoints';

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const pause = (ms: number) =>
  ms > 0 ? new Promise(resolve => setTimeout(resolve, ms)) : Promise.resolve();

/**
 * One page view per entity for each endpoint, alternating which goes first so
 * neither always meets a warm server, `pauseMs` before every page view (the
 * same for both). Returns the sorted latencies of each.
 */
export async function alternatingSeries(
  endpoints: Endpoints,
  entityNames: string[],
  pauseMs: number,
  expectedItems: number,
): Promise<{ suite: number[]; kubernetes: number[] }> {
  const suite: number[] = [];
  const kubernetes: number[] = [];
  for (const [view, entityName] of entityNames.entries()) {
    const asks = [
      async () =>
        suite.push(await timed(endpoints.suite, entityName, expectedItems)),
      async () =>
        kubernetes.push(
          await timed(endpoints.kubernetesPlugin, entityName, expectedItems),
        ),
    ];
    if (view % 2 === 1) asks.reverse();
    for (const ask of asks) {
      await pause(pauseMs);
      await ask();
    }
  }
  return { suite: sorted(suite), kubernetes: sorted(kubernetes) };
}

/**
 * Diagnostics, not the comparison: the suite without the Kubernetes plugin's
 * requests (and the API server's work for them) in between, the floor of a
 * route that does nothing, both back to back and `pauseMs` apart, and the
 * suite right after the harness itself asked the API server for the same
 * label-selected list (the backend running nothing of the Kubernetes plugin).
 */
export async function diagnosticSeries(
  endpoints: Endpoints,
  customObjects: CustomObjectsApi,
  entityNames: string[],
  pauseMs: number,
  expectedItems: number,
) {
  const floor: number[] = [];
  const suiteAlone: number[] = [];
  for (const entityName of entityNames) {
    floor.push(await timedFloor(endpoints));
    suiteAlone.push(await timed(endpoints.suite, entityName, expectedItems));
  }
  const suiteAfterList: number[] = [];
  for (const entityName of entityNames) {
    await customObjects.listClusterCustomObject({
      group: 'kafka.strimzi.io',
      version: 'v1',
      plural: 'kafkaconnectors',
      labelSelector: `backstage.io/kubernetes-id=${entityName}`,
    });
    suiteAfterList.push(
      await timed(endpoints.suite, entityName, expectedItems),
    );
  }
  const floorPaused: number[] = [];
  const suiteAlonePaused: number[] = [];
  for (const entityName of entityNames) {
    await pause(pauseMs);
    floorPaused.push(await timedFloor(endpoints));
    await pause(pauseMs);
    suiteAlonePaused.push(
      await timed(endpoints.suite, entityName, expectedItems),
    );
  }
  return {
    floor: sorted(floor),
    suiteAlone: sorted(suiteAlone),
    suiteAfterList: sorted(suiteAfterList),
    floorPaused: sorted(floorPaused),
    suiteAlonePaused: sorted(suiteAlonePaused),
  };
}
