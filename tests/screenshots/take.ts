// `npm run screenshots`: retakes the README's pictures of the badge and its open panel, light and dark,
// in real Chromium with the built extension, on a LinkedIn-styled profile of an invented person
// (profile-showcase.html). Writes docs/badge-light.png and docs/badge-dark.png.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { launch, personRecord, seed } from '../e2e/harness';

const DAY = 86_400_000;
const URL = 'https://www.linkedin.com/in/clara-montes/';
const SLUG = 'clara-montes';
const NAME = 'Clara Montes';
// What the page shows: stored the same, so the visit records no role change.
const HEADLINE = 'Head of Product Design at Órbita Maps · Accessible, map-first interfaces';
const COMPANY = 'Órbita Maps';
/** Page background kept around the top card, in CSS pixels. */
const MARGIN = 16;
/** Playwright's default width, tall enough for the open panel. */
const VIEWPORT = { width: 1280, height: 900 };

test('the README badge pictures, light and dark', async () => {
  const vinculo = await launch();
  try {
    vinculo.serve(URL, { html: readFileSync(resolve('tests/screenshots/profile-showcase.html'), 'utf8') });
    const now = Date.now();
    const touch = (daysAgo: number, kind: string, initiator: string, value: string, note: string) => ({
      id: `showcase-${daysAgo}`,
      personId: SLUG,
      at: now - daysAgo * DAY,
      kind,
      initiator,
      value,
      note,
      createdAt: now - daysAgo * DAY,
    });
    await seed(vinculo, 'people', [
      {
        ...personRecord(SLUG, NAME, { stage: 'acquaintance', lastTouchDaysAgo: 9, headline: HEADLINE }),
        company: COMPANY,
        metInPerson: true,
      },
    ]);
    await seed(vinculo, 'touches', [
      touch(9, 'video', 'them', 'received', 'Walked me through their design-system migration'),
      touch(23, 'inPerson', 'me', 'both', 'Coffee after the Config meetup'),
      touch(41, 'message', 'me', 'gave', 'Sent the accessibility checklist'),
    ]);
    const dueAt = now + 5 * DAY;
    await seed(vinculo, 'nextSteps', [
      {
        id: 'showcase-step',
        personId: SLUG,
        text: 'Introduce her to Marc from the routing team',
        dueAt,
        openDueAt: dueAt,
        createdAt: now - 9 * DAY,
      },
    ]);
    const page = await vinculo.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(URL);

    const badge = page.locator('vinculo-badge');
    await expect(badge).toHaveAttribute(
      'aria-label',
      /^Acquaintance · last touch 9 days ago · warm · met in person/,
    );
    await badge.getByRole('button', { name: /Acquaintance/ }).click();
    const panel = badge.getByRole('dialog');
    await expect(panel.getByRole('listitem')).toHaveCount(3);
    await expect(panel).toContainText('Introduce her to Marc');
    await page.mouse.move(0, 0);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await shoot(vinculo.context, page, resolve(`docs/badge-${colorScheme}.png`));
    }
    // Vínculo itself asked for nothing outside the browser (the page's own favicon is the page's business).
    expect(vinculo.outside.filter((r) => r.from !== 'page')).toEqual([]);
  } finally {
    await vinculo.close();
  }
});

/**
 * The top card and the open panel, with a little of the page around them, at twice the CSS pixels.
 * The harness's browser context has no device scale option, and Playwright's own screenshot would
 * reset one set behind its back, so Chromium is asked directly.
 */
async function shoot(context: BrowserContext, page: Page, path: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: VIEWPORT.width,
    height: VIEWPORT.height,
    deviceScaleFactor: 2,
    mobile: false,
  });
  // Let the page lay itself out (and repaint) at the new size before measuring it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const card = await page.locator('section[data-member-id]').boundingBox();
  const panel = await page.locator('vinculo-badge').getByRole('dialog').boundingBox();
  if (!card || !panel) throw new Error('the top card or the panel is not on screen');
  const x = Math.max(0, Math.min(card.x, panel.x) - MARGIN);
  const y = Math.max(0, Math.min(card.y, panel.y) - MARGIN);
  const right = Math.max(card.x + card.width, panel.x + panel.width) + MARGIN;
  const bottom = Math.max(card.y + card.height, panel.y + panel.height) + MARGIN;
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    clip: { x, y, width: right - x, height: bottom - y, scale: 1 },
  });
  writeFileSync(path, Buffer.from(data, 'base64'));
  await cdp.detach();
  console.log(`wrote ${path}`);
}
