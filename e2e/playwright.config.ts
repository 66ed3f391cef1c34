import { defineConfig } from '@playwright/test';

// Serves the release build in ../dist on 127.0.0.1 and drives Debian's Chromium.
// No retries: a flaky test is a bug to fix, not to hide.
const PORT = Number(process.env.E2E_PORT ?? 8091);
// The fault server (fault-server.mjs) serves dist/ with the CSP header plus /fault/*.
export const FAULT_PORT = Number(process.env.E2E_FAULT_PORT ?? 8093);

const staticServer = {
  command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../dist`,
  url: `http://127.0.0.1:${PORT}/`,
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: 'ignore' as const,
  stderr: 'ignore' as const,
};
const faultServer = {
  command: `node fault-server.mjs ${FAULT_PORT}`,
  url: `http://127.0.0.1:${FAULT_PORT}/fault/count/ready`,
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // Against nginx (scripts/nginx-e2e sets E2E_BASE_URL) only the fault server starts.
  webServer: process.env.E2E_BASE_URL ? [faultServer] : [staticServer, faultServer],
});
