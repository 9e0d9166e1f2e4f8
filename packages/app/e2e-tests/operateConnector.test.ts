import { expect, test } from '@playwright/test';

// The guest is a member of team-orders, which owns the sample connector.
const CONNECTOR = 'ordersmysql-shop-orders-v1';

test('the owner pauses a connector from the card, and resumes it', async ({
  page,
}) => {
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
});

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
  await menu.locator('xpath=..').hover();
  await expect(
    page.getByText(
      `Only the owner of ${name} (group:default/team-analytics) and admins can operate it`,
    ),
  ).toBeVisible();
});
