import { expect, type APIRequestContext, test } from '@playwright/test';

// The FileStream sink the local clusters' real Kafka Connect worker runs,
// owned by team-orders (the guest's team), linked to orders-service. Its
// offsets are Kafka Connect's own, managed through the Strimzi stand-in.
const SINK = 'order-events-file-sink';
const backendUrl = process.env.KC_BACKEND_URL ?? 'http://127.0.0.1:7007';

async function guestHeaders(request: APIRequestContext) {
  const response = await request.get(`${backendUrl}/api/auth/guest/refresh`);
  expect(response.ok(), 'guest sign-in for the test set-up').toBe(true);
  const token = (await response.json()).backstageIdentity.token;
  return { authorization: `Bearer ${token}` };
}

const connectorUrl = (cluster: string, namespace: string, name: string) =>
  `${backendUrl}/api/kafka-connect/connectors/${cluster}/${namespace}/${name}`;

/** Running on both local clusters, whatever an earlier run left. */
async function resumeSinks(request: APIRequestContext) {
  const headers = await guestHeaders(request);
  for (const cluster of ['eu-1', 'us-1']) {
    const response = await request.post(
      `${connectorUrl(cluster, 'streaming', SINK)}/actions`,
      { headers, data: { action: 'resume' } },
    );
    expect(
      [202, 404],
      `resume of ${SINK} on ${cluster}: ${await response.text()}`,
    ).toContain(response.status());
  }
}

test('the owner resets a sink’s offsets from the card; another team cannot', async ({
  page,
  request,
}) => {
  // Stop, reset, resume and a re-consumed topic: minutes on a loaded machine.
  test.setTimeout(360_000);
  await resumeSinks(request);
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('link', { name: 'orders-service', exact: true })
      .click();

    const row = page.getByTestId(`connector-row-${SINK}`).first();
    await expect(row.getByText('healthy', { exact: true })).toBeVisible({
      timeout: 60_000,
    });
    const menu = row.getByRole('button', { name: `Actions for ${SINK}` });
    await expect(menu).toBeEnabled();
    await menu.click();
    await page.getByRole('menuitem', { name: 'Offsets…' }).click();

    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(`Offsets of ${SINK}`)).toBeVisible();
    // Strimzi listed the sink's consumer offsets of the real topic.
    await expect(dialog.getByText('order-events / partition 0')).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      dialog.getByText(/Listed .* by Strimzi into ConfigMap/),
    ).toBeVisible();
    await dialog.screenshot({
      path: 'test-results/screenshots/connector-offsets.png',
    });

    await dialog.getByRole('button', { name: 'Reset offsets…' }).click();
    await dialog.getByRole('button', { name: `Stop ${SINK}` }).click();
    const confirm = dialog.getByLabel('Connector name');
    await expect(confirm).toBeVisible({ timeout: 60_000 });
    const reset = dialog.getByRole('button', {
      name: 'Reset offsets',
      exact: true,
    });
    await expect(reset).toBeDisabled();
    await confirm.fill(SINK);
    await dialog.screenshot({
      path: 'test-results/screenshots/connector-offsets-confirm.png',
    });
    await reset.click();
    await expect(dialog.getByTestId('offsets-outcome')).toContainText(
      `Strimzi reset the offsets of ${SINK}.`,
      { timeout: 90_000 },
    );
    await dialog.screenshot({
      path: 'test-results/screenshots/connector-offsets-reset.png',
    });
    await dialog.getByRole('button', { name: `Resume ${SINK}` }).click();
    await expect(dialog.getByTestId('offsets-outcome')).toContainText(
      `${SINK} is resuming.`,
    );
    // That the sink then consumes the topic again from the start (records
    // counted in the real topic) is shown by offsets.integration.test.ts; a
    // new listing right after the resume can wait minutes on a loaded machine.
    await dialog.getByRole('button', { name: 'Back to the offsets' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(row.getByText('healthy', { exact: true })).toBeVisible({
      timeout: 60_000,
    });

    // Another team's connector: the backend refuses the guest.
    const refused = await request.get(
      `${connectorUrl(
        'eu-1',
        'analytics',
        'analytics-orders-bigquery-sink',
      )}/offsets`,
      { headers: await guestHeaders(request) },
    );
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain(
      'only its owner and admins may (permission kafka.connect.operate)',
    );
  } finally {
    await resumeSinks(request);
  }
});
