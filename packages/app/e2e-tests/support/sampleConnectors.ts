import { expect, type APIRequestContext } from '@playwright/test';

// Each test that changes a shared sample connector puts it back in the state
// the sample data gives it, before and after, through the backend's REST API
// (as the guest, who is a member of the owning team-orders), so no test
// depends on another one having run, passed or cleaned up.

const backendUrl = process.env.KC_BACKEND_URL ?? 'http://127.0.0.1:7007';

export interface SampleConnector {
  cluster: string;
  namespace: string;
  name: string;
  /** What the sample data gives it. */
  tasksMax: number;
}

export const ORDERS_MYSQL: SampleConnector = {
  cluster: 'eu-1',
  namespace: 'orders',
  name: 'ordersmysql-shop-orders-v1',
  tasksMax: 1,
};

export const ORDERS_WEBHOOK: SampleConnector = {
  cluster: 'eu-1',
  namespace: 'orders',
  name: 'orders-webhook-http-sink',
  tasksMax: 1,
};

async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${backendUrl}/api/auth/guest/refresh`);
  expect(response.ok(), 'guest sign-in for the test set-up').toBe(true);
  return (await response.json()).backstageIdentity.token;
}

function connectorUrl(connector: SampleConnector): string {
  return `${backendUrl}/api/kafka-connect/connectors/${[
    connector.cluster,
    connector.namespace,
    connector.name,
  ]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** Resumes and rescales the connector to its sample state, and waits until it is healthy there. */
export async function resetSampleConnector(
  request: APIRequestContext,
  connector: SampleConnector,
): Promise<void> {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  for (const action of [
    { action: 'resume' },
    { action: 'scale', tasksMax: connector.tasksMax },
  ]) {
    const response = await request.post(`${connectorUrl(connector)}/actions`, {
      headers,
      data: action,
    });
    expect(
      response.status(),
      `${action.action} of ${connector.name}: ${await response.text()}`,
    ).toBe(202);
  }
  await expect
    .poll(
      async () => {
        const response = await request.get(connectorUrl(connector), {
          headers,
        });
        const summary = await response.json();
        return `${summary.health} ${summary.tasks?.running}/${summary.tasks?.total}`;
      },
      {
        timeout: 60_000,
        message: `${connector.name} back to its sample state`,
      },
    )
    .toBe(`healthy ${connector.tasksMax}/${connector.tasksMax}`);
}

/** The real-worker sample whose file source fails for real (its file is a symbolic link loop). */
export const AUDIT_LOG: SampleConnector = {
  cluster: 'eu-1',
  namespace: 'streaming',
  name: 'audit-log-file-source',
  tasksMax: 1,
};

/**
 * Turns automatic restart off and on again, so Strimzi's (the stand-in's)
 * count starts over: it restarts the failed task at once (count 1) and
 * schedules the next attempt 2 minutes later. Without it, what the card
 * shows depends on how long the demo has run (3 restarts, then it gives
 * up). Answers the summary once the first restart is in.
 */
export async function startAutomaticRestartsOver(
  request: APIRequestContext,
  connector: SampleConnector,
): Promise<Record<string, any>> {
  const headers = { authorization: `Bearer ${await guestToken(request)}` };
  const summaryNow = async () =>
    (await request.get(connectorUrl(connector), { headers })).json();
  for (const enabled of [false, true]) {
    const response = await request.post(`${connectorUrl(connector)}/actions`, {
      headers,
      data: { action: 'auto-restart', enabled },
    });
    expect(
      response.status(),
      `auto-restart ${enabled} of ${connector.name}: ${await response.text()}`,
    ).toBe(202);
    await expect
      .poll(
        async () => {
          const { autoRestart } = await summaryNow();
          return `${autoRestart?.enabled} ${autoRestart?.count ?? 0}`;
        },
        {
          timeout: 60_000,
          message: `${connector.name}: automatic restart ${
            enabled ? 'on, first restart done' : 'off, count cleared'
          }`,
        },
      )
      .toBe(enabled ? 'true 1' : 'false 0');
  }
  return summaryNow();
}
