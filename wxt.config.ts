import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// `npm run bench` builds the same extension plus an unlisted bench page into
// its own folder; the shipped build never contains it.
const bench = process.env.VINCULO_BENCH === '1';

const CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

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
  manifest: ({ command, manifestVersion }) => ({
    // Vínculo's pages load nothing from outside: a photo URL or a stray link can never turn into a request.
    ...(command === 'build' && {
      content_security_policy:
        manifestVersion === 3 ? { extension_pages: CSP } : (CSP as unknown as { extension_pages: string }),
    }),
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['*://*.linkedin.com/*'],
    action: {
      default_title: '__MSG_extActionTitle__',
    },
    commands: {
      _execute_action: {
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
    browser_specific_settings: {
      gecko: { id: 'vinculo@vinculo.app', strict_min_version: '115.0' },
    },
  }),
});
