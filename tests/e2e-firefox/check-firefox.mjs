// Fails early, with instructions, when no Firefox is installed for the Firefox end-to-end tests.
import { existsSync } from 'node:fs';

const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(path)) {
  console.error(
    `Vínculo's Firefox end-to-end tests need Firefox, and none was found at ${path}.\n` +
      'Install it with `apt-get install -y firefox-esr` (Debian/Ubuntu), or point FIREFOX_PATH at a Firefox binary.',
  );
  process.exit(1);
}
