// Every selector the content script uses to read LinkedIn, in one place, because LinkedIn rewrites its
// markup every year or so: when a page stops being read, this file is where the fix goes.
// Lists are ordered by preference, one entry per era, and say where they apply. Entries lean on what
// survives redesigns (URLs, /in/ links, landmarks, headings, data-view-name / componentkey /
// data-sdui-screen, untranslated attributes); hashed classes are never used, and nothing matches UI
// text, which LinkedIn translates. Eras: "2024" and "2025" are the Ember app (voyager-web) as saved in
// July 2024 and April 2025; "SDUI" is the server-driven UI (My Network 2025, profiles since early 2026);
// "public" is the logged-out profile.

/** The profile's top card, the root every other profile selector is scoped to. */
export const TOP_CARD = [
  // SDUI profile (2026): componentkey "com.linkedin.sdui.profile.card.ref<memberId>Topcard".
  'section[componentkey$="Topcard"]',
  '[componentkey$="Topcard"]',
  // 2024 and 2025 logged-in: the first card of main carries the member's numeric id.
  'section[data-member-id]',
  // Public profile.
  'section.top-card-layout',
] as const;

/**
 * The profile's own contact-info overlay link. Every logged-in era puts it in the top card and only
 * there, so it both locates the top card when no TOP_CARD entry matches and names the shown person.
 */
export const CONTACT_INFO_LINK = 'a[href*="/overlay/contact-info"]';

/** Links to the shown profile's own overlays (contact info, about this profile, background photo). */
export const SELF_OVERLAY_LINK = 'a[href*="/in/"][href*="/overlay/"]';

/** The page's own URL where the markup states it (public profiles). */
export const CANONICAL_URL = ['link[rel="canonical"]', 'meta[property="og:url"]'] as const;

/** Within the top card: the heading that holds the name (and beside which the badge goes). */
export const NAME_HEADING = [
  // 2024 logged-in: h1.text-heading-xlarge; 2025 logged-in: h1 with hashed classes; public:
  // h1.top-card-layout__title. A bare h1 covers all three.
  'h1',
  // SDUI profile (2026): no h1 at all; the name is the top card's only h2.
  'h2',
] as const;

/** Within the top card: the headline line under the name. SDUI has none of these (see profile.ts). */
export const HEADLINE = [
  // 2024 and 2025 logged-in: div.text-body-medium[data-generated-suggestion-target="urn:li:fsu_…"].
  '[data-generated-suggestion-target]',
  // Public profile.
  'h2.top-card-layout__headline',
  // 2024 logged-in without the suggestion target. TODO(2027-01): drop once no Ember profile is left.
  'div.text-body-medium',
] as const;

/**
 * Within the top card: the profile photo. The first match wins even when it is a ghost image, so that a
 * placeholder never lets a face-pile photo further down stand in for it.
 */
export const PHOTO = [
  // 2024 and 2025 logged-in.
  'img.pv-top-card-profile-picture__image--show',
  // Public profile.
  'img.top-card-layout__entity-image',
  'img.top-card__profile-image',
] as const;

/** Within the top card: where other people's photos sit ("mutual connections" face piles). */
export const FACE_PILE = ['a[href*="/search/"]', 'ul', 'li'] as const;

/** Classes LinkedIn uses for screen-reader-only text inside names ("Status is offline", degrees). */
export const VISUALLY_HIDDEN = '.visually-hidden, .a11y-text, .sr-only';

/** Within the top card: the current company. */
export const CURRENT_COMPANY = {
  // Public profile: the right column's current-position link.
  publicSection: '[data-section="currentPositionsDetails"]',
  // SDUI profile (2026): right-column buttons drawn with LinkedIn's company (not school) placeholder icon.
  sduiCompanyIcon: 'svg[id^="company"]',
  sduiItem: '[role="button"]',
  // 2024 and 2025 logged-in: right-panel list, current company first and school second.
  emberItems: 'li > button',
} as const;

/** 2024 and 2025 logged-in: the Education card's entries, to tell a school apart from a company. */
export const EDUCATION = {
  anchor: '#education',
  entityTitle: '[data-view-name="profile-component-entity"] .t-bold span[aria-hidden="true"]',
} as const;

/** Within the top card: links whose URL carries the shown member's ACoA… id. */
export const MEMBER_ID_LINK = 'a[href*="ACo"]';

/** Anywhere: links to the shown profile's own sub-pages that carry its id (profileUrn=…). */
export const PROFILE_URN_LINK = 'a[href*="/in/"][href*="profileUrn="]';

/** The viewer's own profile link, by structure. */
export const VIEWER_LINK = [
  // 2024 and 2025 logged-in: the global nav's "Me" menu, once it has been opened.
  '.global-nav__me-content a[href*="/in/"]',
  // 2025 feed: the identity card in the left rail.
  '.feed-identity-module a[href*="/in/"]',
  // 2025 feed: the avatar in the "start a post" box.
  '.share-box-feed-entry__top-bar a[href*="/in/"]',
  // SDUI nav (2025–2026): the "Me" control is a button without a link: no entry.
] as const;

/** Candidate person links; everything else about them is checked in code, cheaply. */
export const PERSON_LINK = 'a[href*="/in/"]';

/**
 * Containers whose /in/ links are never a card's main person. Matched against tag names, class tokens
 * and componentkey values while walking up from each link (a selector per link would be too slow on
 * long lists).
 */
export const NOT_MAIN_PERSON = {
  tags: [
    // Every era's global nav keeps its links in a <nav> (2024–2025 "Me" menu with the viewer's link,
    // SDUI "Me" button, public "Sign in"); person lists never sit in one.
    'NAV',
  ],
  classes: [
    // 2024 and 2025 logged-in: the global nav's header (header#global-nav.global-nav).
    'global-nav',
    // 2025 feed: the viewer's identity card and "start a post" box.
    'feed-identity-module',
    'share-box-feed-entry__top-bar',
    // 2025 search: "X, Y and 12 other mutual connections" and other insights under a result.
    'entity-result__insights',
    'reusable-search-simple-insight__text-container',
    // 2025 feed: "X reposted / likes / commented on this" above a post's author.
    'update-components-header',
    // 2025 feed: @mentions inside a post's text.
    'update-components-text',
    // 2024 and 2025: expandable text (post bodies in profile activity, descriptions): links are mentions.
    'inline-show-more-text',
    // 2025 feed: comments under a post.
    'comments-comments-list',
    // Messaging: sender links repeated on every message group (the viewer's too, by member id).
    'msg-s-message-list',
    // Public profile: the top card (the badge covers that person).
    'top-card-layout',
  ],
  // Checked on <section> elements only, the one tag the profile top card uses in every era.
  sectionAttributes: [
    // 2024 and 2025 logged-in: the profile's top card (the badge covers that person).
    'data-member-id',
  ],
  // SDUI profile (2026): the top card section, by componentkey suffix.
  componentKeySuffix: 'Topcard',
  // Fragments of componentkey values, checked on every block element.
  componentKeys: [
    // SDUI feed (2026): the comments under a post ("commentsSectionContainer<post token>").
    'commentsSectionContainer',
    // SDUI feed (2026): each comment and reply ("replaceableComment_urn:li:comment:(…)"), also where a
    // post's comments are shown without their section.
    'replaceableComment_',
  ],
  // SDUI feed (2026), inside a post (CARD.postComponentKey): a link within a paragraph is running text,
  // either the "X likes this / reposted this / commented on this / follows" line above the author or an
  // @mention in the post; the author's own link is a block that wraps the name's paragraphs.
  postTextTags: ['P'],
  // SDUI screens (data-sdui-screen, read on the role=main element) where every /in/ link outside a card
  // is the viewer's own. Feed (2026): the left rail's identity card and the "start a post" avatar; the
  // nav's "Me" menu there is a button without a link, so the viewer cannot be told apart by address.
  viewerScreens: ['com.linkedin.sdui.flagshipnav.feed.MainFeed'],
} as const;

/** What makes an element one card (one person) in a list. */
export const CARD = {
  tags: ['LI', 'ARTICLE'],
  roles: ['article', 'listitem'],
  viewNames: [
    // 2025 search results.
    'search-entity-result-universal-template',
    // 2025 feed posts.
    'feed-full-update',
  ],
  // SDUI My Network (2025): each child of a data-view-name="…-list" container is one card.
  listViewNameSuffix: '-list',
  // SDUI feed (2026): a post, by a componentkey fragment on its role=listitem card or the card's wrapper
  // ("expanded<token>FeedType_MAIN_FEED_RELEVANCE" in March 2026, "update-card-focus<token>FeedType_…"
  // later). Its author is the first link in it with a visible name; faces without a name are a header's
  // or a comment's.
  postComponentKey: 'FeedType_',
} as const;

/** Pages without a top card we know: where the page states who it is about (see page-name.ts). */
export const OG_TITLE = 'meta[property="og:title"]';
export const JSON_LD = 'script[type="application/ld+json"]';
export const MAIN_LANDMARK = 'main, [role="main"]';

/**
 * LinkedIn's own controls around a name (every era wraps it in something clickable: 2024 the "about
 * this profile" link, SDUI a verification pop-up trigger, the logged-out profile a sign-in button).
 * Vínculo's badge and dots go after the outermost of these, never inside: a click on Track must not be
 * a click on LinkedIn's control, and a button inside a button is not reachable by role.
 */
export const INTERACTIVE =
  'a[href], button, summary, label, [role="button"], [role="link"], [onclick], [aria-haspopup]';
