import { defineConfig } from '@playwright/test';

/**
 * The fresh-app proof (scripts/fresh-app.sh): drives an app made by
 * @backstage/create-app, with the suite installed from its tarballs, in
 * Debian's Chromium.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'freshApp.spec.ts',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/fresh-app-artifacts',
  use: {
    baseURL: process.env.PORTAL_URL ?? 'http://localhost:3100',
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.KC_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
