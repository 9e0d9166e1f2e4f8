import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';

// eu-1's KafkaMirrorMaker2 on the real Kafka Connect worker, owned by
// team-orders (the guest's team). scripts/start.sh starts us-1 first, so it
// mirrors us-1's real topic `order-events` (alias us) into eu-1 (alias eu).
const MIRROR = 'order-events-mirror';
const SOURCE = 'us->eu.MirrorSourceConnector';
const CHECKPOINT = 'us->eu.MirrorCheckpointConnector';
// us-1's simulated KafkaMirrorMaker2, owned by platform-team: another team
// for the guest (there is one sign-in, the guest; no second user to be).
const OTHER_TEAMS_MIRROR = 'eu-to-us';
const OTHER_TEAM = 'group:default/platform-team';
const backendUrl = process.env.KC_BACKEND_URL ?? 'http://127.0.0.1:7007';

/**
 * How many records us-1's order-events holds: its file source produces each
 * line of its file once (`yarn dev-cluster up` writes the file; no test
 * resets that source).
 */
function orderEventsRecords(): number {
  const home =
    process.env.KC_DEV_CLUSTER_HOME ??
    path.resolve(__dirname, '../../../.dev-cluster');
  const file = path.join(home, 'us-1', 'kafka', 'files', 'order-events.txt');
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
}

/** A group's page, signed in as the guest on the way (a full page load shows the sign-in first). */
async function openGroupPage(page: Page, group: string) {
  await page.goto(`/catalog/default/group/${group}`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByText('Kafka connectors', { exact: true })).toBeVisible(
    { timeout: 60_000 },
  );
}

test('the owning team lists the offsets of a MirrorMaker 2 source connector from the card', async ({
  page,
}) => {
  // The dialog's screenshot is the README's, at the README's width.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openGroupPage(page, 'team-orders');

  const row = page.getByTestId(`connector-row-${MIRROR}`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  const menu = row.getByRole('button', { name: `Actions for ${MIRROR}` });
  await expect(menu).toBeEnabled();
  await menu.click();
  // One entry per connector the MirrorMaker 2's spec configures.
  await expect(
    page.getByRole('menuitem', { name: `Offsets of ${CHECKPOINT}…` }),
  ).toBeVisible();
  await page.getByRole('menuitem', { name: `Offsets of ${SOURCE}…` }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`Offsets of ${SOURCE}`)).toBeVisible();
  await expect(
    dialog.getByText(`in KafkaMirrorMaker2 ${MIRROR}`),
  ).toBeVisible();
  // Connect's own offsets of the mirrored partition: the last record of
  // us-1's order-events mirrored, so the last of the topic once the mirror
  // caught up. A listing can come before the worker's first commit or
  // before it caught up: list again until then.
  const partition = dialog.getByRole('row').filter({
    has: page.getByRole('cell', {
      name: 'order-events / partition 0 (source cluster us)',
      exact: true,
    }),
  });
  const offset = `{"offset":${orderEventsRecords() - 1}}`;
  await expect(async () => {
    await expect(
      dialog.getByText(`by Strimzi into ConfigMap ${MIRROR}-offsets`),
    ).toBeVisible({ timeout: 30_000 });
    const listed = partition.getByRole('cell').nth(1);
    if (
      !(await listed.isVisible()) ||
      (await listed.textContent()) !== offset
    ) {
      await dialog.getByRole('button', { name: 'List again' }).click();
    }
    await expect(listed).toHaveText(offset, { timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
  await expect(dialog.getByTestId('mirror-source-offsets-note')).toHaveText(
    'Each offset is that of the last record mirrored from its source partition; mirroring goes on from the next record.',
  );
  await dialog.screenshot({
    path: 'docs/screenshots/mm2-connector-offsets.png',
  });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test("another team's MirrorMaker 2: its operations are disabled, with the reason", async ({
  page,
  request,
}) => {
  await openGroupPage(page, 'platform-team');

  const row = page.getByTestId(`connector-row-${OTHER_TEAMS_MIRROR}`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  const menu = row.getByRole('button', {
    name: `Actions for ${OTHER_TEAMS_MIRROR}`,
  });
  await expect(menu).toBeDisabled();
  const reason = `Only the owner of ${OTHER_TEAMS_MIRROR} (${OTHER_TEAM}) and admins can operate it`;
  // The health timelines arrive row by row and move the rows down: hover
  // once they are drawn, or the pointer leaves the menu before its tooltip shows.
  await expect(
    page.getByTestId(`health-timeline-${OTHER_TEAMS_MIRROR}`),
  ).toBeVisible({ timeout: 30_000 });
  await expect(async () => {
    await menu.locator('xpath=..').hover();
    await expect(page.getByText(reason)).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });

  // The backend refuses the guest the offsets of that MirrorMaker 2's
  // connectors too, whatever the frontend shows.
  const session = await request.get(`${backendUrl}/api/auth/guest/refresh`);
  expect(session.ok(), 'guest sign-in').toBe(true);
  const token = (await session.json()).backstageIdentity.token;
  const refused = await request.get(
    `${backendUrl}/api/kafka-connect/connectors/us-1/replication/${OTHER_TEAMS_MIRROR}/offsets?connector=${encodeURIComponent(
      'eu->us.MirrorSourceConnector',
    )}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain(
    'only its owner and admins may (permission kafka.connect.operate)',
  );
});
