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
