import fs from 'node:fs';
import path from 'node:path';
import {
  type APIRequestContext,
  expect,
  request,
  test,
} from '@playwright/test';

// A connector of team-analytics that follows the PostgreSQL blueprint's
// naming, put straight into the local cluster eu-1 by this test (so that no
// other test's changes matter): the guest, a member of team-orders, tries to
// stop it through the "Change a Kafka connector" template and is refused.
const NAME = 'probepostgres-shop-carts-v1';
const NAMESPACE = 'analytics';
const CONNECT = 'analytics-connect';
const backendUrl = process.env.KC_BACKEND_URL ?? 'http://127.0.0.1:7007';
const PATH = `/apis/kafka.strimzi.io/v1/namespaces/${NAMESPACE}/kafkaconnectors/${NAME}`;

/** The local cluster's API server as its administrator (state of `yarn dev-cluster up`). */
async function clusterApi(): Promise<APIRequestContext> {
  const home =
    process.env.KC_DEV_CLUSTER_HOME ??
    path.resolve(__dirname, '../../../.dev-cluster');
  const stateFile = path.join(home, 'eu-1', 'state.json');
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  return request.newContext({
    baseURL: state.server,
    // The local cluster's CA is its own; the token is the administrator's.
    ignoreHTTPSErrors: true,
    extraHTTPHeaders: { Authorization: `Bearer ${state.token}` },
  });
}

test.describe('the change template for another team', () => {
  let api: APIRequestContext;

  test.beforeAll(async () => {
    api = await clusterApi();
    // Server-side apply: creates it, or resets one a failed run left behind.
    const applied = await api.patch(`${PATH}?fieldManager=e2e&force=true`, {
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
      data: JSON.stringify({
        apiVersion: 'kafka.strimzi.io/v1',
        kind: 'KafkaConnector',
        metadata: {
          name: NAME,
          namespace: NAMESPACE,
          labels: { 'strimzi.io/cluster': CONNECT },
          annotations: {
            'kafka-connect.dev/owner': 'group:default/team-analytics',
          },
        },
        spec: {
          class: 'io.debezium.connector.postgresql.PostgresConnector',
          tasksMax: 1,
          state: 'running',
          config: { 'topic.prefix': 'probepostgres' },
        },
      }),
    });
    expect(applied.status(), await applied.text()).toBeLessThan(300);

    // The refusal must come from the owner the backend resolves, not from a
    // connector it has not seen yet: wait until its API shows the owner.
    const backend = await request.newContext();
    const token = (
      await (await backend.get(`${backendUrl}/api/auth/guest/refresh`)).json()
    ).backstageIdentity.token;
    await expect
      .poll(
        async () => {
          const response = await backend.get(
            `${backendUrl}/api/kafka-connect/connectors/eu-1/${NAMESPACE}/${NAME}`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          return response.ok()
            ? (await response.json()).owner
            : response.status();
        },
        { timeout: 60_000, message: `${NAME} seen by the backend` },
      )
      .toBe('group:default/team-analytics');
    await backend.dispose();
  });

  test.afterAll(async () => {
    await api.delete(PATH);
    await api.dispose();
  });

  test("a team-orders member's stop of team-analytics's connector ends with a clear error, and the connector keeps running", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    // What the card's "Change" link carries, plus the change and delivery.
    const formData = {
      entityRef: `resource:default/kctr.eu-1.${NAMESPACE}.${NAME}`,
      blueprint: 'debezium-postgres-source',
      name: NAME,
      cluster: 'eu-1',
      namespace: NAMESPACE,
      connectCluster: CONNECT,
      owner: 'group:default/team-analytics',
      currentTasksMax: 1,
      currentParameters: {
        instance: 'probe',
        database: 'shop',
        schema: 'public',
        table: 'carts',
        version: 'v1',
      },
      state: 'stopped',
      delivery: 'apply',
    };
    await page.goto(
      `/create/templates/default/change-kafka-connector?formData=${encodeURIComponent(
        JSON.stringify(formData),
      )}`,
    );
    // Straight to the prefilled template (a full page load): sign in there,
    // and the app renders the requested page.
    const enter = page.getByRole('button', { name: 'Enter' });
    const next = page.getByRole('button', { name: 'Next' });
    await expect(enter.or(next)).toBeVisible();
    if (await enter.isVisible()) {
      await enter.click();
    }
    // Three pages: the connector (prefilled), what to change, delivery.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // The task page shows the step's error above the log it opens.
    await expect(
      page
        .getByText(
          `may not change KafkaConnector ${NAMESPACE}/${NAME} in cluster eu-1: only its owner and admins may (permission kafka.connect.operate)`,
        )
        .first(),
    ).toBeVisible({ timeout: 60_000 });
    await page.screenshot({
      path: 'test-results/screenshots/change-template-refused.png',
      fullPage: true,
    });

    const connector = await (await api.get(PATH)).json();
    expect(connector.spec.state).toBe('running');
    expect(connector.metadata.annotations['kafka-connect.dev/owner']).toBe(
      'group:default/team-analytics',
    );
  });
});
