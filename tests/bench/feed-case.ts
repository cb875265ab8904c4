// Budget (b): an infinite feed grown to 3,000 posts (30 added every 150 ms, three person links each, 20
// tracked authors): every tracked author marked, Vínculo's extra main-thread time ≤ 25 % of the page's
// own, no single scan over 8 ms.
//
// The page is synthetic but shaped like LinkedIn's 2025 feed (tests/fixtures/linkedin/feed-2025.html:
// its nav, identity card and share box, with the posts removed). Its own inline script, like LinkedIn's
// app, appends 30 posts every 150 ms (one markup insertion per batch), scrolls to the bottom as a reader
// would, and (option `keep`, on by default) removes the oldest posts beyond 600 as LinkedIn virtualises
// its feed. Each post is a `div[data-view-name="feed-full-update"]` with the author's name link
// `a.update-components-actor__meta-link[href="/in/<slug>/"]` in `.update-components-actor__container`,
// an @mention in `.update-components-text` and a commenter in `.comments-comments-list`: three /in/
// links. Authors, mentions and commenters come from one pool of 200 people, 20 of them tracked.
//
// Main-thread time is Chromium's own count for the page's renderer (CDP Performance.getMetrics:
// TaskDuration, the wall time of its main-thread tasks, with ScriptDuration, LayoutDuration and
// RecalcStyleDuration inside it; and ThreadTime, the main thread's CPU time, which is not inflated when
// the two cores are busy elsewhere), read just before the page is told to start growing and again 1.5 s
// after its last batch. The same page runs in a browser without the extension (same flags) and in the
// harness's browser with it, alternately, three times each after one warm-up in each; Vínculo's
// extra = with − without, pairwise. The content script's own start-up (before the feed grows) and the
// background's work (another process) are outside the window.
// Scans: the content script's `vinculo:dots-scan` measures, gathered by a PerformanceObserver the
// bench installs in the page's main world before anything runs, and cross-checked against
// performance.getEntriesByName (content scripts share the page's performance timeline in Chromium).
import { expect, type Page } from '@playwright/test';
import type { VinculoBench } from '../../entrypoints/bench/main';
import { fixture, fixtureHtml, type Harness } from '../e2e/harness';
import { launchWithoutExtension } from './plain-browser';
import { type BenchRow, median, record } from './stats';

declare global {
  var vinculoBench: VinculoBench;
}

export const FEED_URL = 'https://www.linkedin.com/feed/?bench=1';
/** The same page where Vínculo's content script does not run (it matches linkedin.com only). */
export const CONTROL_URL = 'https://feed.example.org/feed/?bench=1';

export interface FeedOptions {
  total: number;
  batch: number;
  everyMs: number;
  /** Posts kept in the DOM (older ones removed, as LinkedIn virtualises); 0 keeps all. */
  keep: number;
  /** Scroll to the newest post after each batch. */
  scroll: boolean;
}

export const FEED_DEFAULTS: FeedOptions = { total: 3000, batch: 30, everyMs: 150, keep: 600, scroll: true };

interface PoolPerson {
  slug: string;
  name: string;
}

const TRACKED = 20;
const STRANGERS = 180;
const RUNS = 3;
const IDLE_BEFORE_MS = 1000;
const SETTLE_AFTER_MS = 1500;

/** The page's own script: grows the feed when `feedStart()` is called; `feedDone` resolves at the end. */
function feedScript(options: FeedOptions, pool: PoolPerson[]): string {
  const config = JSON.stringify({ ...options, pool }).replaceAll('<', '\\u003c');
  return `<script>
(() => {
  const cfg = ${config};
  const list = document.querySelector('.scaffold-finite-scroll__content');
  let seed = 20250401;
  const pick = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return cfg.pool[Math.floor((seed / 2147483648) * cfg.pool.length)];
  };
  const post = (n, a, m, c) =>
    '<div class="ember-view occludable-update "> <div class="full-height" data-view-name="feed-full-update"> <div class="full-height">' +
    '<div class="feed-shared-update-v2 feed-shared-update-v2--minimal-padding full-height relative artdeco-card" role="article" data-urn="urn:li:activity:' + (7400000000000000000 + n) + '">' +
    '<div><div class="feed-shared-update-v2__control-menu-container display-flex flex-column flex-grow-1"> <h2 class="visually-hidden"> Feed post number ' + n + ' </h2>' +
    '<div class="fie-impression-container"><div class="relative"><div class="qRjwYdUwbgDTEkALBxBzCjRdXfzLbyvNpBxxc display-flex align-items-flex-start">' +
    '<div class="update-components-actor__container display-flex flex-grow-1">' +
    '<span class="js-update-components-actor__avatar"><div class="ivm-image-view-model update-components-actor__avatar"><div class="ivm-view-attr__img-wrapper"><img width="48" height="48" alt="" class="ivm-view-attr__img--centered EntityPhoto-circle-3 update-components-actor__avatar-image evi-image lazy-image ember-view"></div></div></span>' +
    '<div class="update-components-actor__meta">' +
    '<a class="DgyYRhiNYAgnOCxRZXaozXbEhNkWmmmFogVQ update-components-actor__meta-link" aria-label="View: ' + a.name + ' • 2nd" target="_self" href="/in/' + a.slug + '/" data-test-app-aware-link="">' +
    '<span class="update-components-actor__title"><span class="hoverable-link-text t-14 t-bold text-body-medium-bold white-space-nowrap t-black"><span dir="ltr"><span aria-hidden="true"><!---->' + a.name + '<!----></span><span class="visually-hidden"><!---->' + a.name + '<!----></span></span></span>' +
    '<span class="update-components-actor__supplementary-actor-info text-body-xsmall t-black--light"><span aria-hidden="true"><span class="white-space-pre"> </span>• 2nd</span></span></span>' +
    '<span class="update-components-actor__description text-body-xsmall t-black--light"><span aria-hidden="true"><!---->Role ' + (n % 97) + ' at Company ' + (n % 503) + '<!----></span></span></a>' +
    '<span class="update-components-actor__sub-description text-body-xsmall t-black--light"><span aria-hidden="true"><!---->' + (n % 23 + 1) + 'h •<span class="white-space-pre"> </span></span></span>' +
    '</div></div></div>' +
    '<div class="feed-shared-control-menu display-flex feed-shared-update-v2__control-menu absolute text-align-right"><button aria-expanded="false" aria-label="Open control menu for post by ' + a.name + '" class="feed-shared-control-menu__trigger artdeco-button artdeco-button--tertiary artdeco-button--muted artdeco-button--1 artdeco-button--circle" type="button"></button></div>' +
    '<div class="TUUICgGrRsVNvWDylUlsexHfGWqVkVMhvs" tabindex="0"><div class="feed-shared-inline-show-more-text feed-shared-update-v2__description" tabindex="-1">' +
    '<div class="update-components-text relative update-components-update-v2__commentary" dir="ltr"><span class="break-words tvm-parent-container"><span dir="ltr"><!---->Post ' + n + ': lo que aprendimos este trimestre. Gracias a <a class="ql-mention" href="/in/' + m.slug + '/" data-entity-type="MINI_PROFILE"><!---->' + m.name + '<!----></a> por la idea.<!----></span></span></div></div></div>' +
    '<div class="social-details-social-counts"><span class="social-details-social-counts__reactions-count">' + (n % 300) + '</span></div>' +
    '<div class="feed-shared-update-v2__comments-container"><div class="comments-comments-list comments-comments-list--cr"><div class="comments-comment-list__container"><article class="comments-comment-entity">' +
    '<div class="comments-comment-meta__container comments-comment-meta__container--parent"><div class="comments-comment-meta__actor">' +
    '<a class="DgyYRhiNYAgnOCxRZXaozXbEhNkWmmmFogVQ comments-comment-meta__description-container tap-target overflow-hidden" aria-label="View: ' + c.name + ' • 1st" target="_self" href="/in/' + c.slug + '/" data-test-app-aware-link=""><h3 class="comments-comment-meta__description"><span class="comments-comment-meta__description-title"><!---->' + c.name + '<!----></span></h3></a>' +
    '</div></div><div class="comments-comment-item__main-content t-14 t-black t-normal" dir="ltr"><span dir="ltr">¡Enhorabuena!</span></div></article></div></div></div>' +
    '</div></div></div></div></div></div></div></div>';
  let made = 0;
  let finish;
  window.feedDone = new Promise((resolve) => { finish = resolve; });
  const tick = () => {
    let html = '';
    for (let k = 0; k < cfg.batch && made < cfg.total; k++) {
      made++;
      html += post(made, pick(), pick(), pick());
    }
    list.insertAdjacentHTML('beforeend', html);
    if (cfg.keep) for (let extra = list.childElementCount - cfg.keep; extra > 0; extra--) list.firstElementChild.remove();
    if (cfg.scroll) window.scrollTo(0, document.documentElement.scrollHeight);
    if (made < cfg.total) setTimeout(tick, cfg.everyMs);
    else {
      performance.mark('bench:feed-grown');
      finish(made);
    }
  };
  window.feedStart = () => {
    performance.mark('bench:feed-start');
    setTimeout(tick, 0);
  };
})();
</script>`;
}

/** The 2025 feed with its posts taken out and the growing script at the end of its body. */
export function feedPage(options: FeedOptions, pool: PoolPerson[]): string {
  const skeleton = fixtureHtml(fixture('feed-2025.html').file)
    .split('\n')
    .filter((line) => !/^<(div class="ember-view occludable-update|h2 class="feed-skip-link)/.test(line))
    .join('\n');
  if (!skeleton.includes('scaffold-finite-scroll__content')) throw new Error('feed fixture changed shape');
  return skeleton.replace(/<\/body>/, `${feedScript(options, pool)}\n</body>`);
}

/** Installed before anything runs in the page: collects the content script's scan measures. */
function installScanProbe() {
  const scans: number[] = [];
  const paints: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'vinculo:dots-scan') scans.push(entry.duration);
      else if (entry.name === 'vinculo:dots-paint') paints.push(entry.duration);
    }
  }).observe({ type: 'measure' });
  Object.assign(window, { vinculoScans: { scans, paints } });
}

interface RunResult {
  taskMs: number;
  /** CPU time of the renderer's main thread (not inflated when the OS runs something else). */
  threadMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** TaskDuration outside script, layout and style (paint, GC, DOM work in C++, …). */
  otherMs: number;
  /** Layouts and style recalcs in the window. */
  layouts: number;
  styles: number;
  /** DOM nodes alive (or not yet collected) at the end. */
  nodes: number;
  scans: number[];
  paints: number[];
  timelineScans: number;
  marked: number;
  trackedInDom: number;
  strangerDots: number;
  dotsElsewhere: number;
  dots: number;
  posts: number;
  /** ms after the last batch when every tracked author in the DOM had a dot (-1: not within 5 s). */
  allMarkedAfter: number;
}

async function metrics(cdp: import('@playwright/test').CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function growOnce(
  context: import('@playwright/test').BrowserContext,
  tracked: string[],
  url = FEED_URL,
): Promise<RunResult> {
  const page: Page = await context.newPage();
  try {
    await page.addInitScript(installScanProbe);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(IDLE_BEFORE_MS); // the content script is up and idle before the feed grows
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);
    await page.evaluate(() => (window as unknown as { feedStart(): void }).feedStart());
    await page.evaluate(() => (window as unknown as { feedDone: Promise<number> }).feedDone);
    await page.waitForTimeout(SETTLE_AFTER_MS);
    const after = await metrics(cdp);
    await cdp.detach();
    const change = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    const delta = (name: string) => change(name) * 1000; // seconds → ms
    const count = () =>
      page.evaluate((trackedSlugs) => {
        const trackedSet = new Set(trackedSlugs);
        let marked = 0;
        let trackedInDom = 0;
        let strangerDots = 0;
        const posts = document.querySelectorAll('[data-view-name="feed-full-update"]');
        for (const post of posts) {
          const link = post.querySelector('a.update-components-actor__meta-link');
          const slug = /\/in\/([^/?#]+)/.exec(link?.getAttribute('href') ?? '')?.[1] ?? '';
          const dot = link?.closest('.update-components-actor__container')?.querySelector('vinculo-dot');
          if (trackedSet.has(slug)) {
            trackedInDom++;
            if (dot) marked++;
          } else if (dot) strangerDots++;
        }
        const probe = (window as unknown as { vinculoScans: { scans: number[]; paints: number[] } })
          .vinculoScans;
        return {
          marked,
          trackedInDom,
          strangerDots,
          dotsElsewhere: document.querySelectorAll(
            '.comments-comments-list vinculo-dot, .update-components-text vinculo-dot',
          ).length,
          dots: document.querySelectorAll('vinculo-dot').length,
          posts: posts.length,
          scans: [...probe.scans],
          paints: [...probe.paints],
          timelineScans: performance.getEntriesByName('vinculo:dots-scan').length,
        };
      }, tracked);
    const counted = await count();
    let allMarkedAfter = counted.marked === counted.trackedInDom ? SETTLE_AFTER_MS : -1;
    for (let waited = SETTLE_AFTER_MS; allMarkedAfter < 0 && waited < 5000; ) {
      await page.waitForTimeout(250);
      waited += 250;
      const again = await count();
      if (again.marked === again.trackedInDom) allMarkedAfter = waited;
    }
    return {
      taskMs: delta('TaskDuration'),
      threadMs: delta('ThreadTime'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration'),
      styleMs: delta('RecalcStyleDuration'),
      otherMs: delta('TaskOtherDuration'),
      layouts: change('LayoutCount'),
      styles: change('RecalcStyleCount'),
      nodes: after.Nodes ?? 0,
      allMarkedAfter,
      ...counted,
    };
  } finally {
    await page.close();
  }
}

const fmt = (n: number): string => n.toFixed(0);

/** Budget (b): the feed grown with and without Vínculo, alternately, in one bench run. */
export async function benchFeed(
  harness: Harness,
  bench: Page,
  options: FeedOptions = FEED_DEFAULTS,
): Promise<BenchRow[]> {
  await bench.evaluate(() => vinculoBench.seed(10_000));
  const tracked = await bench.evaluate(
    (n) => Array.from({ length: n }, (_, i) => vinculoBench.slugAt(i)),
    TRACKED,
  );
  const pool: PoolPerson[] = [
    ...tracked.map((slug, i) => ({ slug, name: `Tracked Author ${i}` })),
    ...Array.from({ length: STRANGERS }, (_, i) => ({
      slug: `feed-stranger-${i}-x`,
      name: `Stranger Author ${i}`,
    })),
  ];
  const html = feedPage(options, pool);
  harness.serve(FEED_URL, { html });
  harness.serve(CONTROL_URL, { html });
  const plain = await launchWithoutExtension();
  plain.serve(FEED_URL, html);

  const without: RunResult[] = [];
  const withExt: RunResult[] = [];
  const control: RunResult[] = [];
  try {
    // Warm-up in each browser (first compile, service worker start): not recorded.
    await growOnce(plain.context, tracked);
    await growOnce(harness.context, tracked);
    for (let i = 0; i < RUNS; i++) {
      without.push(await growOnce(plain.context, tracked));
      control.push(await growOnce(harness.context, tracked, CONTROL_URL));
      withExt.push(await growOnce(harness.context, tracked));
    }
  } finally {
    await plain.close();
  }

  const shape = `${options.total} posts, ${options.batch} every ${options.everyMs} ms, ${
    options.keep ? `${options.keep} kept in the DOM` : 'none removed'
  }${options.scroll ? ', scrolled' : ''}`;
  const own = without.map((r) => r.taskMs);
  const wth = withExt.map((r) => r.taskMs);
  const extra = wth.map((w, i) => w - own[i]!);
  const pct = extra.map((e, i) => (100 * e) / own[i]!);
  const ownCpu = without.map((r) => r.threadMs);
  const wthCpu = withExt.map((r) => r.threadMs);
  const extraCpu = wthCpu.map((w, i) => w - ownCpu[i]!);
  const pctCpu = extraCpu.map((e, i) => (100 * e) / ownCpu[i]!);
  const extraScript = withExt.map((r, i) => r.scriptMs - without[i]!.scriptMs);
  const parts = (runs: RunResult[]) =>
    `script ${fmt(median(runs.map((r) => r.scriptMs)))}, layout ${fmt(median(runs.map((r) => r.layoutMs)))}, style ${fmt(
      median(runs.map((r) => r.styleMs)),
    )}, other ${fmt(median(runs.map((r) => r.otherMs)))} ms; ${fmt(median(runs.map((r) => r.layouts)))} layouts, ${fmt(
      median(runs.map((r) => r.styles)),
    )} style recalcs, ${fmt(median(runs.map((r) => r.nodes)))} nodes at the end; main-thread CPU (ThreadTime) ${fmt(
      median(runs.map((r) => r.threadMs)),
    )} ms`;
  const rows: BenchRow[] = [];
  const prefix = 'feed grown to 3,000 posts';
  rows.push(
    record(`${prefix}: page's own main-thread time (without Vínculo)`, own, {
      note: `${shape}; CDP TaskDuration; ${parts(without)}`,
    }),
    record(`${prefix}: main-thread time with Vínculo`, wth, { note: `CDP TaskDuration; ${parts(withExt)}` }),
    record(`${prefix}: Vínculo's extra main-thread time (with − without)`, extra, {
      note: `TaskDuration, pairwise; median(with) − median(without) = ${fmt(median(wth) - median(own))} ms; extra ScriptDuration ${fmt(
        median(extraScript),
      )} ms`,
    }),
    record(`${prefix}: Vínculo's extra / the page's own`, pct, {
      unit: '%',
      budget: '≤ 25 %',
      note: `TaskDuration, pairwise; median(extra)/median(own) = ${((100 * median(extra)) / median(own)).toFixed(1)} %`,
    }),
    record(`${prefix}: Vínculo's extra main-thread CPU (ThreadTime, with − without)`, extraCpu, {
      note: `own ${fmt(median(ownCpu))} ms, with ${fmt(median(wthCpu))} ms (medians)`,
    }),
    record(
      `${prefix}: control, main-thread CPU with the extension loaded, not on the page (other host)`,
      control.map((r) => r.threadMs),
      {
        note: `main-thread CPU (ThreadTime) minus the page's own: ${fmt(
          median(control.map((r, i) => r.threadMs - ownCpu[i]!)),
        )} ms (median, pairwise); TaskDuration ${fmt(median(control.map((r) => r.taskMs)))} ms; what of the extra is the browser, not the content script`,
      },
    ),
    record(`${prefix}: Vínculo's extra / the page's own, main-thread CPU`, pctCpu, {
      unit: '%',
      budget: '≤ 25 %',
      note: `ThreadTime, pairwise; median(extra)/median(own) = ${((100 * median(extraCpu)) / median(ownCpu)).toFixed(1)} %`,
    }),
  );

  const longest = withExt.map((r) => (r.scans.length ? Math.max(...r.scans) : Number.NaN));
  const scanCounts = withExt.map((r) => r.scans.length);
  const timelineCounts = withExt.map((r) => r.timelineScans);
  const scanTotals = withExt.map((r) => r.scans.reduce((a, b) => a + b, 0));
  const paintTotals = withExt.map((r) => r.paints.reduce((a, b) => a + b, 0));
  const over8 = withExt.map((r) => r.scans.filter((d) => d > 8).length);
  const p95 = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN;
  const scanMedian = median(withExt.map((r) => median(r.scans)));
  const scanP95 = median(withExt.map((r) => p95(r.scans)));
  rows.push(
    record(`${prefix}: longest vinculo:dots-scan`, longest, {
      budget: '≤ 8 ms',
      note: `per-run scan median ${scanMedian.toFixed(2)} ms, p95 ${scanP95.toFixed(2)} ms; scans per run ${scanCounts.join('/')} (performance timeline: ${timelineCounts.join('/')}), over 8 ms ${over8.join(
        '/',
      )}; all scans ${fmt(median(scanTotals))} ms, all paints ${fmt(median(paintTotals))} ms per run (median)`,
    }),
  );

  const last = withExt[withExt.length - 1]!;
  const marked = withExt.map((r) => r.marked);
  rows.push(
    record(`${prefix}: tracked authors in the DOM with a dot`, marked, {
      unit: 'authors',
      budget: 'all',
      note: `marked ${withExt.map((r) => `${r.marked} of ${r.trackedInDom}`).join(', ')} (${
        SETTLE_AFTER_MS / 1000
      } s after the last batch; all marked after ${withExt
        .map((r) => (r.allMarkedAfter < 0 ? 'never (5 s)' : `${r.allMarkedAfter} ms`))
        .join(
          ' / ',
        )}); last run: ${last.posts} posts, ${last.dots} dots, ${last.strangerDots} on strangers, ${
        last.dotsElsewhere
      } in comments/mentions`,
    }),
  );

  for (const r of withExt) {
    expect.soft(r.marked, 'every tracked author in the DOM has a vinculo-dot').toBe(r.trackedInDom);
    expect.soft(r.strangerDots + r.dotsElsewhere, 'no dot on a stranger, a commenter or a mention').toBe(0);
  }
  return rows;
}
