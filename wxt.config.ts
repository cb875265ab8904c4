import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

let shell: ReturnType<typeof firstPaint> | undefined;

// `npm run bench` builds the same extension plus an unlisted bench page into
// its own folder; the shipped build never contains it.
const bench = process.env.VINCULO_BENCH === '1';

const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

/**
 * The popup's first paint is the popup's entry and every module it imports statically; what it imports
 * dynamically (the repositories with Dexie and Zod, the agenda) loads after the paint. Those modules
 * travel in one chunk, so the popup loads one script before it paints, whatever they are called: the
 * module graph decides, not a list of file names. tests/e2e/chunks.spec.ts checks the built output.
 */
function firstPaint() {
  const modules = new Set<string>();
  const plugin = {
    name: 'vinculo:first-paint',
    buildEnd(this: {
      getModuleIds(): IterableIterator<string>;
      getModuleInfo(id: string): { importedIds: readonly string[] } | null;
    }) {
      modules.clear();
      const visit = (id: string): void => {
        if (modules.has(id)) return;
        modules.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      const page = [...this.getModuleIds()].find((id) =>
        /[\\/]entrypoints[\\/]popup[\\/]index\.html$/.test(id),
      );
      for (const id of page ? (this.getModuleInfo(page)?.importedIds ?? []) : []) visit(id);
      // The entry itself stays in its own chunk: the dashboard shares the first paint's modules, and
      // must not run the popup's start-up.
      for (const id of modules) if (/[\\/]entrypoints[\\/]popup[\\/]main\.tsx$/.test(id)) modules.delete(id);
    },
  };
  return { plugin, test: (id: string): boolean => modules.has(id) };
}

// Vínculo asks for the least that works: LinkedIn pages only, plus the APIs
// the reminders and settings use. Nothing is fetched from anywhere.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  imports: false,
  outDir: bench ? '.output-bench' : '.output',
  filterEntrypoints: bench ? undefined : ['background', 'linkedin', 'popup', 'options'],
  vite: () => {
    shell = firstPaint();
    return { plugins: [preact(), shell.plugin] };
  },
  hooks: {
    // Each script an extension page loads costs a request through the browser (10–20 ms on a slow
    // machine), so everything the popup needs for its first paint travels in one shared chunk (see
    // firstPaint); Dexie, Zod and each dashboard view stay in chunks loaded when needed.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'popup')) return;
      config.build ??= {};
      // Every browser Vínculo supports preloads modules itself.
      config.build.modulePreload = { polyfill: false };
      config.build.rolldownOptions ??= {};
      config.build.rolldownOptions.output = {
        ...config.build.rolldownOptions.output,
        codeSplitting: { groups: [{ name: 'ui', test: (id: string) => shell?.test(id) }] },
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
