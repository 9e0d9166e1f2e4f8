import { expect, test, type Page } from '@playwright/test';
import {
  ORDERS_MYSQL,
  ORDERS_WEBHOOK,
  resetSampleConnector,
} from './support/sampleConnectors';

// The screenshots the README shows (docs/screenshots/, at 1280 px), taken
// from the portal the start command brings up, and the same pages at
// 1920 px (test-results/screenshots/) to look at wide layouts.

// A busy machine renders slowly; the two widths run one after the other.
test.setTimeout(300_000);

test.beforeEach(async ({ request }) => {
  await resetSampleConnector(request, ORDERS_MYSQL);
  await resetSampleConnector(request, ORDERS_WEBHOOK);
});

const FAILING = 'orderspostgres-billing-invoices-v2';

/** Waits until every connector the chips count has its health timeline (history arrives per row). */
async function timelinesLoaded(page: Page, chips: string) {
  const all = await page
    .getByTestId(chips)
    .getByText(/^All \d+$/)
    .textContent();
  const count = Number(all?.replace('All ', ''));
  await expect
    .poll(() => page.locator('[data-testid^="health-timeline-"]').count(), {
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(count);
}

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
}

for (const width of [1280, 1920]) {
  const dir =
    width === 1280 ? 'docs/screenshots' : 'test-results/screenshots/1920';

  test(`card, tab and ownership page at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signIn(page);
    await page
      .getByRole('link', { name: 'orders-service', exact: true })
      .click();

    // The card: worst first, with the failing connector's details open.
    const row = page.getByTestId(`connector-row-${FAILING}`);
    await expect(row).toContainText('degraded', { timeout: 120_000 });
    await expect(page.getByTestId(`root-cause-${FAILING}`)).toBeVisible();
    await expect(page.getByTestId(`health-timeline-${FAILING}`)).toBeVisible({
      timeout: 30_000,
    });
    await timelinesLoaded(page, 'kafka-connect-summary');
    await row
      .getByRole('button', { name: `Show details of ${FAILING}` })
      .click();
    await expect(page.getByTestId(`failing-task-${FAILING}-1`)).toContainText(
      'ConnectException',
    );
    const card = page
      .locator('.MuiCard-root')
      .filter({ has: page.getByText('Kafka connectors', { exact: true }) })
      .first();
    await card.screenshot({ path: `${dir}/connectors-card.png` });

    // The tab.
    await page
      .getByRole('navigation', { name: 'Content navigation' })
      .getByRole('link', { name: 'Kafka Connect', exact: true })
      .click();
    await expect(page.getByTestId(`tab-root-cause-${FAILING}`)).toBeVisible({
      timeout: 30_000,
    });
    await timelinesLoaded(page, 'tab-health-chips');
    await page.screenshot({
      path: `${dir}/connectors-tab.png`,
      fullPage: true,
    });

    // The ownership page.
    await page
      .getByRole('link', { name: 'Kafka Connect', exact: true })
      .first()
      .click();
    await expect(
      page.getByRole('row').filter({ hasText: FAILING }),
    ).toBeVisible({ timeout: 30_000 });
    await page.screenshot({
      path: `${dir}/ownership-page.png`,
      fullPage: true,
    });
  });
}
