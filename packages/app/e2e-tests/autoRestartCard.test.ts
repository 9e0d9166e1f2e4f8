import { expect, test } from '@playwright/test';
import {
  AUDIT_LOG,
  startAutomaticRestartsOver,
} from './support/sampleConnectors';

// A connector of the demo that fails for real on the real Kafka Connect
// worker (its file is a symbolic link loop), with spec.autoRestart: its card
// row names the root cause from the task's trace, and its details the next
// automatic restart, as the stand-in's Strimzi writes status.autoRestart.
test('a really failing connector shows its root cause and its next automatic restart on the card', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'orders-service', exact: true }).click();

  // The sample runs in both clusters; the row names its cluster then.
  const row = page
    .getByTestId(`connector-row-${AUDIT_LOG.name}`)
    .filter({ hasText: `· ${AUDIT_LOG.cluster}` });
  await expect(row).toBeVisible({ timeout: 90_000 });
  // Started over once the page is up (the card refreshes every 10 s), so
  // the next attempt is still ahead when the card is read.
  const summary = await startAutomaticRestartsOver(request, AUDIT_LOG);
  expect(summary.autoRestart).toMatchObject({ count: 1, gaveUp: false });
  expect(Date.parse(summary.autoRestart.nextRestartAt)).toBeGreaterThan(
    Date.now(),
  );
  await expect(row.getByText('failed', { exact: true })).toBeVisible();
  // The last "Caused by:" of Connect's trace, without the Java package.
  await expect(row.getByTestId(`root-cause-${AUDIT_LOG.name}`)).toContainText(
    /^FileSystemException: .*audit-log\.txt: Too many levels of symbolic links/,
  );

  await row
    .getByRole('button', { name: `Show details of ${AUDIT_LOG.name}` })
    .click();
  // "1 automatic restart; next in 1 min": in the future, not "was due".
  await expect(
    page.getByTestId(`health-details-${AUDIT_LOG.name}`),
  ).toContainText(/1 automatic restart; next in (\d+ min|less than a minute)/);
  await expect(
    page.getByTestId(`connector-details-${AUDIT_LOG.name}`),
  ).toContainText('1 so far');
});
