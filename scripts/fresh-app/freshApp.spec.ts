import { expect, test } from '@playwright/test';

// The app under test was made by @backstage/create-app minutes ago and has
// only what the suite's READMEs tell an adopter to add. Its local cluster runs
// the sample connectors on a real Kafka Connect worker.
test('a fresh create-app app shows the card, the tab and both scaffolder actions', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'orders-service', exact: true }).click();

  // The card, on the entity's overview, with the real worker's connectors.
  await expect(
    page.getByText('Kafka connectors', { exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByText('order-events-file-source').first(),
  ).toBeVisible();
  await expect(page.getByText(/healthy/).first()).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('card.png'),
    fullPage: true,
  });

  // The tab opens and lists the same connector.
  await page
    .locator('a[href$="/component/orders-service/kafka-connect"]')
    .click();
  await expect(page).toHaveURL(/\/kafka-connect/);
  await expect(page.getByText('order-events-file-sink').first()).toBeVisible();

  // The scaffolder knows both actions (its installed-actions page), reached
  // within the app: a reload would drop the guest session.
  await page.evaluate(() => {
    window.history.pushState({}, '', '/create/actions');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(
    page.getByText('kafka-connect:connector:create').first(),
  ).toBeVisible();
  await expect(
    page.getByText('kafka-connect:connector:change').first(),
  ).toBeVisible();
});
