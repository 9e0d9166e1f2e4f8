import { expect, test } from '@playwright/test';
import {
  ORDERS_MYSQL,
  ORDERS_WEBHOOK,
  resetSampleConnector,
} from './support/sampleConnectors';

// The sample connectors other tests operate on, in their sample state (this
// test reads their health), whichever tests ran before.
test.beforeEach(async ({ request }) => {
  await resetSampleConnector(request, ORDERS_MYSQL);
  await resetSampleConnector(request, ORDERS_WEBHOOK);
});

// Runs against the portal the start command brings up, with the local
// clusters' sample data: the catalog module turns connectors into entities.
test('the ownership page lists connectors with owners, and team-orders shows its connectors', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  await page.getByRole('link', { name: 'Kafka Connect', exact: true }).click();
  const row = page
    .getByRole('row')
    .filter({ hasText: 'ordersmysql-shop-orders-v1' });
  await expect(row).toContainText('team-orders', { timeout: 90_000 });
  await expect(row).toContainText('eu-1');
  await expect(
    page.getByRole('row').filter({ hasText: 'eu-orders-mirror-source' }),
  ).toContainText('us-1');

  // The fleet's totals per owner.
  await expect(
    page.getByTestId('owner-total-group:default/team-orders'),
  ).toBeVisible();
  // Only the failed-task connector remains when the degraded chip is clicked.
  await page
    .getByTestId('fleet-health')
    .getByTestId('health-chip-degraded')
    .click();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'orderspostgres-billing-invoices-v2' }),
  ).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'ordersmysql-shop-orders-v1' }),
  ).toHaveCount(0);
  await page.screenshot({
    path: 'test-results/screenshots/ownership-page.png',
    fullPage: true,
  });

  // The connector's catalog entity, owned by team-orders, and the Group page card.
  await page
    .getByRole('link', { name: 'orderspostgres-billing-invoices-v2' })
    .click();
  await expect(page.getByText('kafka-connector').first()).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('link', { name: 'team-orders' }).first().click();
  await expect(page.getByText('Kafka connectors', { exact: true })).toBeVisible(
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('kafka-connect-summary')).toContainText(
    /All \d+/,
    { timeout: 30_000 },
  );
  await expect(
    page.getByTestId('connector-row-ordersmysql-shop-orders-v1'),
  ).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/group-team-orders.png',
    fullPage: true,
  });
});
