import { expect, test } from '@playwright/test';

test('a guest signs in and sees the sample catalog', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  // The guest is a member of team-orders, so "Owned" lists that team's services.
  await expect(page.getByText('Owned Components (2)')).toBeVisible();
  await page.getByRole('menuitem', { name: /^All/ }).click();
  await expect(page.getByText('All Components (3)')).toBeVisible();
  for (const name of [
    'orders-service',
    'inventory-service',
    'analytics-pipeline',
  ]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({
    path: 'test-results/screenshots/catalog.png',
    fullPage: true,
  });
});
