import { expect, test } from '@playwright/test';

// The MySQL template in a real browser, delivered by "apply": the connector
// lands in the local cluster, the operator stand-in makes it Ready, the
// catalog picks it up, and its entity page shows it healthy.
test('a team creates a CDC connector from the MySQL template and finds it healthy on its entity page', async ({
  page,
}) => {
  // Form, task and the catalog's pick-up take longer than one page view.
  test.setTimeout(240_000);
  // A table name of its own per run: the test creates its connector rather
  // than finding one an earlier run (or a retry) left in the cluster.
  const table = `refunds${Date.now().toString(36)}`;
  const name = `billingmysql-shop-${table}-v1`;
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Create', exact: true })
    .click();
  const templateCard = page
    .locator('article, div.MuiCard-root')
    .filter({ hasText: 'Debezium MySQL source connector' })
    .last();
  await templateCard.getByRole('button', { name: 'Choose' }).click();

  // Source details
  await page.locator('#root_instance').fill('billing');
  await page.locator('#root_database').fill('shop');
  await page.locator('#root_table').fill(table);
  await page.locator('#root_serverId').fill('5001');
  await page.getByRole('button', { name: 'Next' }).click();

  // Ownership
  await page.getByLabel('Owner').first().fill('team-orders');
  await page
    .getByRole('option', { name: /team-orders/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Connect cluster: the picker lists the clusters the backend knows.
  await page.getByRole('button', { name: /Connect cluster/ }).click();
  await page
    .getByRole('option', { name: 'eu-1/orders/orders-connect', exact: true })
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // Delivery
  // The form can fill in its defaults after the page appears, taking back an
  // early choice on a slow machine: choose until the choice holds.
  const delivery = page.getByRole('button', {
    name: /Pull request: KafkaConnector manifest|Apply to the cluster now/,
  });
  await expect(async () => {
    await page.keyboard.press('Escape');
    await delivery.click({ timeout: 5_000 });
    await page
      .getByRole('option', { name: 'Apply to the cluster now' })
      .click({ timeout: 5_000 });
    await expect(delivery).toHaveText(/Apply to the cluster now/, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  const entityLink = page.getByRole('link', {
    name: 'Open the connector in the catalog',
  });
  await expect(entityLink).toBeVisible({ timeout: 60_000 });
  await page.screenshot({
    path: 'test-results/screenshots/create-connector-task.png',
    fullPage: true,
  });
  // The catalog module emits the entity seconds after the connector's
  // creation, and an entity page opened before then stays "not found": go
  // back to the task's page (in-app history, the guest session stays) and
  // follow the link again until the page shows the connector.
  const row = page.getByTestId(`connector-row-${name}`);
  await expect(async () => {
    if (!(await entityLink.isVisible())) {
      await page.goBack();
    }
    await entityLink.click();
    await expect(row).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await expect(row.getByText('healthy', { exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({
    path: 'test-results/screenshots/created-connector-entity.png',
    fullPage: true,
  });
});
