// Fails early, with instructions, when no Chromium is installed for the end-to-end tests.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `Vínculo's end-to-end tests need Chromium, and none was found at ${path}.\n` +
      'Install it with `apt-get install -y chromium` (Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium binary.',
  );
  process.exit(1);
}
