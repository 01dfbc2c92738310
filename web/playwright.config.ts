import { defineConfig } from "@playwright/test";

// Debian's Chromium only: nothing here downloads a browser.
export default defineConfig({
  testDir: "tests",
  outputDir: "test-results/output",
  reporter: [["list"]],
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.REPURCH_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
});
