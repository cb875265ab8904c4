// The built manifests ask for exactly what Vínculo needs, in both browsers: LinkedIn pages only, and
// unlimitedStorage so the browser never evicts the database.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';

const BUILDS = { chromium: '.output/chrome-mv3', firefox: '.output/firefox-mv2' } as const;

for (const [browser, dir] of Object.entries(BUILDS)) {
  base(`${browser}: the built manifest asks for unlimitedStorage and LinkedIn only`, () => {
    if (!existsSync(`${dir}/manifest.json`)) {
      execFileSync('npx', ['wxt', 'build', ...(browser === 'firefox' ? ['-b', 'firefox'] : [])], {
        stdio: 'ignore',
      });
    }
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    expect(manifest.permissions).toEqual(
      expect.arrayContaining(['storage', 'unlimitedStorage', 'alarms', 'notifications']),
    );
    const hosts: string[] =
      manifest.manifest_version === 3
        ? manifest.host_permissions
        : manifest.permissions.filter((p: string) => p.includes('://'));
    expect(hosts).toEqual(['*://*.linkedin.com/*']);
  });
}
