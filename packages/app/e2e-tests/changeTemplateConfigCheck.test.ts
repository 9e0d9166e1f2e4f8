import { expect, test } from '@playwright/test';

// The change template's config check in a real browser: the form, prefilled
// as the card's "Change" link fills it, is changed and Kafka Connect's own
// answer (the real worker behind eu-1's streaming/local-connect, which the
// dev clusters' app-config lets the backend ask) shows on the field before
// anything runs. Nothing is submitted, so the connector need not exist.
//
// The PostgreSQL blueprint is the only built-in one whose plugin the real
// worker has. Its `${secretManager:warehouse:...}` references resolve (the
// dev cluster points instance `warehouse` at the demo's PostgreSQL), so
// Debezium connects and is refused for a value: that server has no database
// `inventory`. Debezium reports a failed connection on `database.hostname`,
// which the instance parameter renders.
const formData = {
  entityRef:
    'resource:default/kctr.eu-1.streaming.warehousepostgres-inventory-stocklevels-v1',
  blueprint: 'debezium-postgres-source',
  name: 'warehousepostgres-inventory-stocklevels-v1',
  cluster: 'eu-1',
  namespace: 'streaming',
  connectCluster: 'local-connect',
  owner: 'group:default/team-orders',
  currentTasksMax: 1,
  currentParameters: {
    instance: 'warehouse',
    database: 'inventory',
    schema: 'public',
    table: 'stocklevels',
    version: 'v1',
  },
};

test('the change template shows the settings Kafka Connect refuses on its config check, before the run', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The width of the README's screenshots (screenshots.test.ts).
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(
    `/create/templates/default/change-kafka-connector?formData=${encodeURIComponent(
      JSON.stringify(formData),
    )}`,
  );
  // Straight to the prefilled template (a full page load): sign in there,
  // and the app renders the requested page.
  const enter = page.getByRole('button', { name: 'Enter' });
  const next = page.getByRole('button', { name: 'Next' });
  await expect(enter.or(next)).toBeVisible({ timeout: 60_000 });
  if (await enter.isVisible()) {
    await enter.click();
  }
  // The connector (prefilled), then what to change.
  await next.click();
  const version = page.locator('#root_version');
  await expect(version).toBeVisible();
  await version.fill('v2');
  await next.click();

  // The field (and the FieldTemplate around it, which lists its errors).
  const field = page
    .locator('.MuiFormControl-root')
    .filter({ has: page.getByTestId('kafka-connect-config-check') })
    .last();
  // Each refused setting names the form field its value came from, once.
  const refusal = field.getByText(
    'currentParameters.instance (database.hostname):',
    { exact: false },
  );
  await expect(refusal).toBeVisible({ timeout: 60_000 });
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('database "inventory" does not exist');
  // The provider resolved: nothing is refused for an unresolved reference.
  await expect(field).not.toContainText('(database.port)');
  // The help text is no refusal: not drawn as an error.
  await expect(
    field.getByText('The Connect cluster checks the changed config', {
      exact: false,
    }),
  ).not.toHaveClass(/Mui-error/);
  // The step is not left: nothing runs with a config Connect refuses.
  await expect(version).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review' })).toHaveCount(0);
  await field.screenshot({
    path: 'docs/screenshots/change-template-config-check.png',
  });
  await page.screenshot({
    path: 'test-results/screenshots/change-template-config-check.png',
    fullPage: true,
  });
});
