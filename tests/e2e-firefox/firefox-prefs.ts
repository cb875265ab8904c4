// The preferences of the Firefox profile each test starts (on top of puppeteer's own, which already
// turn off updates, telemetry, safe browsing and the first-run pages).

export interface PrefsOptions {
  /** The port of the outside-request sink on 127.0.0.1. */
  sinkPort: number;
  /** Where downloads are saved, without asking. */
  downloads: string;
  /** The add-on's id (its manifest's browser_specific_settings.gecko.id) … */
  addonId: string;
  /** … and the UUID its moz-extension:// pages get, so tests know their URLs. */
  uuid: string;
}

export function firefoxPrefs({ sinkPort, downloads, addonId, uuid }: PrefsOptions): Record<string, unknown> {
  return {
    // Every connection goes through the sink, loopback included: nothing reaches a network unseen.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': sinkPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': sinkPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.share_proxy_settings': false,
    // Firefox's Remote Settings would fetch from Mozilla at start-up (firefox.settings.services.mozilla.com);
    // with MOZ_REMOTE_SETTINGS_DEVTOOLS in its environment it takes this server, which is no server at all.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'intl.locale.requested': 'en-US',
    'intl.accept_languages': 'en-US',
    // This machine has no desktop notification service: Firefox shows its own alert windows instead,
    // which stay until clicked or closed, and which the tests read.
    'alerts.useSystemBackend': false,
    'alerts.totalOpenTime': 600_000,
    'alerts.disableSlidingEffect': true,
    // Downloads are saved straight into a folder the test reads.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.panel.shown': true,
    // The popup opens in a tab of its own here, which puts the LinkedIn tab in the background; for the
    // user the popup sits over that tab, which stays in front. Its timers run as they would then.
    'dom.min_background_timeout_value': 4,
    'dom.timeout.enable_budget_timer_throttling': false,
  };
}
