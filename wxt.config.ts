import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// `npm run bench` builds the same extension plus an unlisted bench page into
// its own folder; the shipped build never contains it.
const bench = process.env.VINCULO_BENCH === '1';

const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

/** The modules of the popup's first paint (see storage/peek.ts), shared with the dashboard. */
const FIRST_PAINT =
  /preload-helper|wxt-html-plugins|node_modules[\\/](preact|@webext-core|serialize-error|wxt)[\\/]|[\\/]storage[\\/](changes|peek|domain)\.ts|[\\/]utils[\\/](i18n|messaging|slug|draft|cadence|time|relative-time|search)\.ts|[\\/]components[\\/](popup[\\/](person-summary|quick-note-form)|initials|temperature-chip|temperature-icon)\.tsx?/;

/** The repositories with Dexie and Zod: one chunk, loaded by the dashboard and behind the popup's paint. */
const DATA =
  /node_modules[\\/](dexie|zod)[\\/]|[\\/]storage[\\/](?!import|backup)|[\\/]utils[\\/]use-live-query\.ts/;

// Vínculo asks for the least that works: LinkedIn pages only, plus the APIs
// the reminders and settings use. Nothing is fetched from anywhere.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  imports: false,
  outDir: bench ? '.output-bench' : '.output',
  filterEntrypoints: bench ? undefined : ['background', 'linkedin', 'popup', 'options'],
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // Each script an extension page loads costs a request through the browser (10–20 ms on a slow
    // machine), so everything the popup needs for its first paint travels in one shared chunk;
    // Dexie, Zod and each dashboard view stay in chunks loaded when needed.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'popup')) return;
      config.build ??= {};
      // Every browser Vínculo supports preloads modules itself.
      config.build.modulePreload = { polyfill: false };
      config.build.rolldownOptions ??= {};
      config.build.rolldownOptions.output = {
        ...config.build.rolldownOptions.output,
        codeSplitting: {
          groups: [
            { name: 'ui', test: FIRST_PAINT, priority: 10 },
            { name: 'data', test: DATA, priority: 5 },
          ],
        },
      };
    },
  },
  // `npm run zip:firefox` also packs the sources Mozilla's reviewers build from (README, Firefox: "Build
  // the add-on from its sources"): everything the build reads, none of the tests or their output.
  zip: {
    excludeSources: [
      'tests/**',
      'entrypoints/bench/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results.json',
      '*.log',
    ],
  },
  manifest: ({ command, manifestVersion }) => ({
    // Vínculo's pages load nothing from outside: a photo URL or a stray link can never turn into a request.
    ...(command === 'build' && {
      content_security_policy:
        manifestVersion === 3 ? { extension_pages: CSP } : (CSP as unknown as { extension_pages: string }),
    }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the browser never evicts Vínculo's database under storage pressure.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: ['*://*.linkedin.com/*'],
    action: {
      default_title: '__MSG_extActionTitle__',
    },
    commands: {
      // The toolbar button's shortcut has another name in MV2, the manifest of the Firefox build: under the
      // MV3 name Firefox would take it for an ordinary command and the popup would not open.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+V' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    icons: {
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      128: 'icon/128.png',
    },
    // Firefox: the add-on's id on addons.mozilla.org, the oldest Firefox the end-to-end tests run
    // (Firefox ESR 153), and Firefox's data-collection declaration: Vínculo collects and sends nothing.
    browser_specific_settings: {
      gecko: {
        id: 'vinculo@vinculo.app',
        strict_min_version: '153.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
