import { expect, type Page, test } from '@playwright/test';
import {
  ORDERS_MYSQL,
  ORDERS_WEBHOOK,
  resetSampleConnector,
} from './support/sampleConnectors';

// The guest is a member of team-orders, which owns the sample connector.
const CONNECTOR = ORDERS_MYSQL.name;

test('the owner pauses a connector from the card, and resumes it', async ({
  page,
  request,
}) => {
  // Running, whatever an earlier run left; running again afterwards even if
  // this test fails half-way, for the tests that read it.
  await resetSampleConnector(request, ORDERS_MYSQL);
  try {
    await pauseAndResume(page);
  } finally {
    await resetSampleConnector(request, ORDERS_MYSQL);
  }
});

async function pauseAndResume(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'orders-service', exact: true }).click();

  const row = page.getByTestId(`connector-row-${CONNECTOR}`);
  await expect(row.getByText('healthy', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  const menu = row.getByRole('button', { name: `Actions for ${CONNECTOR}` });
  await expect(menu).toBeEnabled();

  await menu.click();
  await page.getByRole('menuitem', { name: 'Pause', exact: true }).click();
  await expect(
    page.getByText(new RegExp(`Pause of ${CONNECTOR} accepted`)),
  ).toBeVisible();
  await expect(row.getByText('paused', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({
    path: 'test-results/screenshots/connector-paused.png',
    fullPage: true,
  });

  await menu.click();
  await page.getByRole('menuitem', { name: 'Resume', exact: true }).click();
  await expect(row.getByText('healthy', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
}

test("the menu is disabled, with the reason, on another team's connector", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // The catalog lists what the guest owns first. Its own first load can
  // reset the "All" filter just after a click, so click until it holds.
  const otherTeamsEntity = page.getByRole('link', {
    name: 'analytics-pipeline',
    exact: true,
  });
  await expect(async () => {
    await page.getByRole('menuitem', { name: /^All/ }).click();
    await expect(otherTeamsEntity).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await otherTeamsEntity.click();

  const name = 'analytics-orders-bigquery-sink';
  const row = page.getByTestId(`connector-row-${name}`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  const menu = row.getByRole('button', { name: `Actions for ${name}` });
  await expect(menu).toBeDisabled();
  // The health timelines arrive row by row and move the rows down: hover
  // once they are drawn, or the pointer leaves the menu before its tooltip shows.
  await expect(page.getByTestId(`health-timeline-${name}`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(async () => {
    await menu.locator('xpath=..').hover();
    await expect(
      page.getByText(
        `Only the owner of ${name} (group:default/team-analytics) and admins can operate it`,
      ),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(
    page.getByText(
      `Only the owner of ${name} (group:default/team-analytics) and admins can operate it`,
    ),
  ).toBeVisible();
});

test('the owner scales a connector no GitOps tool manages, straight from the card', async ({
  page,
  request,
}) => {
  const name = ORDERS_WEBHOOK.name;
  // One task, whatever an earlier run left; one again afterwards.
  await resetSampleConnector(request, ORDERS_WEBHOOK);
  try {
    await scaleUpAndDown(page, name);
  } finally {
    await resetSampleConnector(request, ORDERS_WEBHOOK);
  }
});

async function scaleUpAndDown(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'orders-service', exact: true }).click();

  const row = page.getByTestId(`connector-row-${name}`);
  await expect(row).toContainText('1/1', { timeout: 30_000 });
  const menu = row.getByRole('button', { name: `Actions for ${name}` });
  const scaleTo = async (tasksMax: string) => {
    await expect(menu).toBeEnabled();
    await menu.click();
    await page.getByRole('menuitem', { name: 'Scale tasks…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('tasksMax').fill(tasksMax);
    await dialog.getByRole('button', { name: 'Scale', exact: true }).click();
    await expect(
      page.getByText(
        new RegExp(`Scaling to ${tasksMax} tasks of ${name} accepted`),
      ),
    ).toBeVisible();
  };

  await scaleTo('3');
  // The operator stand-in starts the new tasks; the card follows.
  await expect(row).toContainText('3/3', { timeout: 30_000 });
  await page.screenshot({
    path: 'test-results/screenshots/connector-scaled.png',
    fullPage: true,
  });
  await scaleTo('1');
  await expect(row).toContainText('1/1', { timeout: 30_000 });
}

test('a connector Argo CD manages offers its change as a pull request, with the form prefilled', async ({
  page,
}) => {
  const name = 'inventorypostgres-stock-levels-v1';
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('link', { name: 'inventory-service', exact: true })
    .click();

  const row = page.getByTestId(`connector-row-${name}`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  const menu = row.getByRole('button', { name: `Actions for ${name}` });
  await expect(menu).toBeEnabled();
  await menu.click();
  await expect(
    page.getByRole('menuitem', { name: 'Scale tasks…' }),
  ).toHaveCount(0);
  await page
    .getByRole('menuitem', { name: 'Change through a pull request' })
    .click();

  await expect(page).toHaveURL(
    /\/create\/templates\/default\/change-kafka-connector\?formData=/,
  );
  await expect(
    page.getByText('Change a Kafka connector').first(),
  ).toBeVisible();
  await expect(page.getByLabel('Connector name')).toHaveValue(name);
  await expect(page.getByLabel('Blueprint id')).toHaveValue(
    'debezium-postgres-source',
  );
  await expect(page.getByLabel('Kubernetes cluster')).toHaveValue('us-1');
  // The parameters it was rendered with, from its annotation.
  await expect(
    page.getByRole('textbox', { name: 'instance', exact: true }),
  ).toHaveValue('inventory');
  await page.screenshot({
    path: 'test-results/screenshots/change-template-prefilled.png',
    fullPage: true,
  });
});
