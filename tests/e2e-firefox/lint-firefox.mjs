// `web-ext lint` on the Firefox build, as addons.mozilla.org runs it on upload: no errors, and no
// warning but the ones justified below (and in the README, "Firefox"). Each justification is checked
// too, so it cannot quietly stop being true.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.VINCULO_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2';

/** Warnings that come from libraries, never from Vínculo's code, each with why it is harmless. */
const JUSTIFIED = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // The chunk that holds Preact's renderer (chunks are named by the module graph, not by us).
    holds: /dangerouslySetInnerHTML/,
    why: "Preact's renderer assigns innerHTML only for `dangerouslySetInnerHTML`, which Vínculo never uses",
  },
  {
    code: 'DANGEROUS_EVAL',
    // Whichever file carries Zod.
    holds: /ZodError|\$ZodType/,
    why: "Zod probes `new Function('')` once to see if it may compile validators; the extension's CSP refuses it and Zod validates without",
  },
];

function* sources(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx)$/.test(name)) yield path;
  }
}

const problems = [];
// The justifications, checked: no `dangerouslySetInnerHTML` anywhere in Vínculo's code, and no eval in its CSP.
for (const root of ['entrypoints', 'components', 'utils', 'storage']) {
  for (const path of sources(root)) {
    if (readFileSync(path, 'utf8').includes('dangerouslySetInnerHTML'))
      problems.push(`${path} uses dangerouslySetInnerHTML: the innerHTML warning is no longer only Preact's`);
  }
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
if (String(manifest.content_security_policy ?? '').includes('unsafe-eval'))
  problems.push("the CSP allows 'unsafe-eval': Zod's probe would succeed");

let report;
try {
  report = execFileSync('node_modules/.bin/web-ext', ['lint', '--source-dir', dir, '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON is still on stdout.
  report = error.stdout;
}
const { errors, warnings, notices } = JSON.parse(report.slice(report.indexOf('{')));
const where = (m) => `${m.code} in ${m.file ?? 'the add-on'}: ${m.message}`;
for (const error of errors) problems.push(where(error));
const seen = new Set();
for (const message of [...warnings, ...notices]) {
  const code = message.file ? readFileSync(join(dir, message.file), 'utf8') : '';
  const justified = JUSTIFIED.find((j) => j.code === message.code && j.holds.test(code));
  if (justified) seen.add(justified);
  else problems.push(where(message));
}

console.log(
  `web-ext lint ${dir}: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`,
);
for (const j of JUSTIFIED)
  console.log(`  ${seen.has(j) ? 'justified' : 'no longer reported'}: ${j.code} (${j.why})`);
if (problems.length > 0) {
  console.error(`\nNot ready for addons.mozilla.org:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
