/**
 * Admin customisation: editors work in Chinese by default; English stays available (per user, in their profile).
 *
 * Strapi 5.54 has no server setting for the admin's default language: the login page uses the browser's stored choice
 * (localStorage `strapi-admin-language`, 'en' when absent) and, once logged in, the user's `preferedLanguage`
 * (new users get 'zh-Hans', see src/bootstrap/admin-users.ts). So a browser that has never chosen starts in zh-Hans.
 * The guided tour and the "new Media Library" banner have no switch either: they read "skipped"/"dismissed" flags from
 * localStorage, which we set once for a browser that has none (a user can still reset the tour in their profile).
 */
const LANGUAGE_KEY = 'strapi-admin-language';
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
// Scoped by the `useLegacyMediaLibrary` flag and by the project's uuid (package.json `strapi.uuid`, `false` without one).
const mediaBannerKeys = (uuid: unknown) => [true, false].map((legacy) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`);

const setOnce = (key: string, value: unknown) => {
  if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, JSON.stringify(value));
};

function applyBrowserDefaults() {
  try {
    if (window.localStorage.getItem(LANGUAGE_KEY) === null) window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
    // The tour's state without `tours` is completed by Strapi's own migration; `enabled: false` = "skip all tours".
    setOnce(GUIDED_TOUR_KEY, { enabled: false, hidden: false, completedActions: [] });
    for (const key of [...mediaBannerKeys(false), ...mediaBannerKeys(undefined)]) setOnce(key, true);
    // A project with a telemetry uuid scopes the banner by it: ask the (public) init route, well before anyone logs in.
    void fetch('/admin/init')
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { data?: { uuid?: unknown } } | null) => {
        if (body?.data && body.data.uuid !== undefined) for (const key of mediaBannerKeys(body.data.uuid)) setOnce(key, true);
      })
      .catch(() => undefined);
  } catch {
    // Storage disabled (private mode): Strapi's own defaults apply.
  }
}

export default {
  config: {
    locales: ['zh-Hans'],
    // The homepage's "tutorials" links and the Releases notifications point to Strapi's marketing: not for our editors.
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    applyBrowserDefaults();
  },
  bootstrap() {},
};
