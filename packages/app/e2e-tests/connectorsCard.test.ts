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
// clusters' sample data and the operator stand-in writing status.
test('an entity page shows its connectors with health, tasks and failing task traces', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // The guest session lives in the page, so navigate within the app.
  await page.getByRole('link', { name: 'orders-service', exact: true }).click();

  const card = page
    .locator('article, div')
    .filter({ has: page.getByText('Kafka connectors', { exact: true }) })
    .last();
  await expect(page.getByText('Kafka connectors', { exact: true })).toBeVisible(
    {
      timeout: 30_000,
    },
  );

  // Connectors from both clusters, summarised by health as chips.
  const summary = page.getByTestId('kafka-connect-summary');
  await expect(summary).toContainText(/All \d+/, { timeout: 90_000 });
  await expect(summary).toContainText('healthy');
  await expect(summary).toContainText('degraded');
  await expect(
    page.getByTestId('connector-row-ordersmysql-shop-orders-v1'),
  ).toContainText('healthy');
  await page
    .getByRole('button', { name: 'Show details of eu-orders-mirror-source' })
    .click();
  await expect(
    page.getByTestId('connector-details-eu-orders-mirror-source'),
  ).toContainText('on us-1');

  // The sample PostgreSQL connector has a failing task with a trace: its
  // root cause on the row, the reason and the trace in the details.
  const degradedRow = page.getByTestId(
    'connector-row-orderspostgres-billing-invoices-v2',
  );
  await expect(degradedRow).toContainText('1/2, 1 failed');
  await expect(
    page.getByTestId('root-cause-orderspostgres-billing-invoices-v2'),
  ).toContainText('ConnectException');
  await degradedRow
    .getByRole('button', {
      name: 'Show details of orderspostgres-billing-invoices-v2',
    })
    .click();
  await expect(
    page.getByTestId('connector-details-orderspostgres-billing-invoices-v2'),
  ).toContainText('1 of 2 tasks failed');
  await expect(
    page.getByTestId('failing-task-orderspostgres-billing-invoices-v2-1'),
  ).toContainText('ConnectException');
  await page.getByRole('button', { name: 'Full trace' }).click();
  await expect(page.getByRole('dialog')).toContainText('Thread.java');
  await page.getByRole('button', { name: 'Close' }).click();

  await card
    .screenshot({ path: 'test-results/screenshots/connectors-card.png' })
    .catch(() => undefined);
  await page.screenshot({
    path: 'test-results/screenshots/orders-service.png',
    fullPage: true,
  });

  // The tab lists the same connectors and their Connect clusters.
  // Entity page tabs are links in the new frontend system.
  // The sidebar has a "Kafka Connect" link too (the ownership page).
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Kafka Connect', exact: true })
    .click();
  await expect(page.getByTestId('tab-health-chips')).toContainText(/All \d+/, {
    timeout: 30_000,
  });
  await expect(
    page.getByTestId('tab-root-cause-orderspostgres-billing-invoices-v2'),
  ).toContainText('ConnectException');
  await expect(
    page.getByText('Connect clusters', { exact: true }),
  ).toBeVisible();
  await expect(page.getByText('replication-connect').first()).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/orders-service-tab.png',
    fullPage: true,
  });
});
