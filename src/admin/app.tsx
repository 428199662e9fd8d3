/**
 * Admin customisation: editors work in Chinese by default; English stays available (per user, in their profile).
 *
 * Strapi 5.54 has no server setting for the admin's default language: the login page uses the browser's stored choice
 * (localStorage `strapi-admin-language`, 'en' when absent) and, once logged in, the user's `preferedLanguage`
 * (new users get 'zh-Hans', see src/bootstrap/admin-users.ts). So a browser that has never chosen starts in zh-Hans.
 * The guided tour and the "new Media Library" banner have no switch either: they read "skipped"/"dismissed" flags from
 * localStorage, which we set once for a browser that has none (a user can still reset the tour in their profile).
 */
import type * as React from 'react';
import { EnumerationCell, LabelledEnumeration } from './enumeration';
import { installPasteConverter } from './paste/install';
import { enumLabelsFor } from '../labels';

/**
 * Strapi 5.54 ships the Content Manager's zh-Hans messages as a copy of the admin's file, its keys already prefixed
 * "content-manager."; the plugin prefixes them again, so every Content Manager string falls back to English for
 * Chinese users ("Create new entry"). Registered here under the ids the Content Manager asks for. (A relative path:
 * the package's exports do not list its translation files; the version is pinned exactly.)
 */
// @ts-expect-error – a plain ES module of messages, without type declarations
import contentManagerZhHansFile from '../../node_modules/@strapi/content-manager/dist/admin/translations/zh-Hans.json.mjs';

const contentManagerZhHans: Record<string, string> = Object.fromEntries(
  Object.entries(contentManagerZhHansFile as Record<string, string>).filter(([id]) =>
    id.startsWith('content-manager.'),
  ),
);

/** Edit-view strings newer than Strapi's zh-Hans file (shown in English to Chinese users otherwise). */
const CONTENT_MANAGER_ZH_ADDED: Record<string, string> = {
  'content-manager.validation.error': '文档中有错误，请先改正再保存。',
  'content-manager.containers.edit.tabs.label': '文档状态',
  'content-manager.containers.edit.tabs.draft': '草稿',
  'content-manager.containers.edit.tabs.published': '已发布',
  'content-manager.containers.edit.panels.default.title': '条目',
  'content-manager.containers.edit.panels.default.more-actions': '更多操作',
  'content-manager.containers.edit.information.last-published.label': '发布于',
  'content-manager.containers.edit.information.last-draft.label': '更新于',
  'content-manager.containers.edit.information.document.label': '创建于',
  'content-manager.containers.edit.information.documentId.label': '文档 ID',
  'content-manager.containers.List.draft': '草稿',
  'content-manager.containers.List.published': '已发布',
  'content-manager.containers.List.modified': '已修改',
  'content-manager.preview.panel.title': '预览',
  'content-manager.preview.panel.button': '打开预览',
  'content-manager.preview.panel.button-disabled-tooltip': '请先保存再预览',
  'content-manager.preview.page-title': '{contentType}预览',
  'content-manager.preview.header.close': '关闭预览',
  'content-manager.preview.copy.label': '复制预览链接',
  'content-manager.preview.copy.success': '已复制预览链接',
};

const LANGUAGE_KEY = 'strapi-admin-language';
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
// Scoped by the `useLegacyMediaLibrary` flag and by the project's uuid (package.json `strapi.uuid`, `false` without one).
const mediaBannerKeys = (uuid: unknown) =>
  [true, false].map((legacy) => `STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`);

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
        if (body?.data && body.data.uuid !== undefined)
          for (const key of mediaBannerKeys(body.data.uuid)) setOnce(key, true);
      })
      .catch(() => undefined);
  } catch {
    // Storage disabled (private mode): Strapi's own defaults apply.
  }
}

/**
 * The admin checks a field's pattern before saving and says only "值与正则表达式不匹配。" (the value does not match
 * the regex): point at the field's description instead, where src/labels states the expected form (文号 etc.).
 */
const FORMAT_MESSAGES = {
  'zh-Hans': { 'components.Input.error.validation.regex': '格式不正确：请按本字段下方说明的格式填写。' },
  en: { 'components.Input.error.validation.regex': 'Wrong format: see the expected form under this field.' },
};

type Header = {
  name: string;
  attribute?: { type: string; enum?: string[] };
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
};
type ListHookArgs = { displayedHeaders: Header[]; layout: unknown };

/** List view cells of enumerations show their labels (Strapi prints the code). */
const labelEnumerationColumns = ({ displayedHeaders, layout }: ListHookArgs): ListHookArgs => ({
  layout,
  displayedHeaders: displayedHeaders.map((header) => {
    const values = header.attribute?.type === 'enumeration' ? header.attribute.enum : undefined;
    if (!values || header.cellFormatter) return header;
    return { ...header, cellFormatter: (row) => <EnumerationCell value={row[header.name]} values={values} /> };
  }),
});

type Filter = { name: string; type?: string; options?: Array<{ label: string; value: string }> };
type FilterHookArgs = { displayedFilters: Filter[]; layout: unknown };

/** The list view's filter of an enumeration offers the labels (Strapi offers the codes, as message ids). */
const labelEnumerationFilters = ({ displayedFilters, layout }: FilterHookArgs): FilterHookArgs => {
  let english = false;
  try {
    english = (window.localStorage.getItem(LANGUAGE_KEY) ?? 'zh-Hans').startsWith('en');
  } catch {
    // no storage: Chinese
  }
  return {
    layout,
    displayedFilters: displayedFilters.map((filter) => {
      if (filter.type !== 'enumeration' || !filter.options) return filter;
      const labels = enumLabelsFor(filter.options.map((option) => option.value));
      if (!labels) return filter;
      return {
        ...filter,
        options: filter.options.map((option) => ({
          ...option,
          label: labels[option.value] ? (english ? labels[option.value].en : labels[option.value].zh) : option.value,
        })),
      };
    }),
  };
};

type BootstrapApi = {
  addFields: (field: { type: string; Component: React.ComponentType<any> }) => void;
  registerHook: {
    (name: 'Admin/CM/pages/ListView/inject-column-in-table', fn: (args: ListHookArgs) => ListHookArgs): void;
    (name: 'Admin/CM/pages/ListView/inject-in-filters', fn: (args: FilterHookArgs) => FilterHookArgs): void;
  };
};

export default {
  config: {
    locales: ['zh-Hans'],
    translations: {
      // Field labels are not translated here: Strapi falls back from every language to `en` messages, so an English
      // label would override the stored Chinese one for Chinese users too (and an admin's own label for everyone).
      en: FORMAT_MESSAGES.en,
      'zh-Hans': { ...contentManagerZhHans, ...CONTENT_MANAGER_ZH_ADDED, ...FORMAT_MESSAGES['zh-Hans'] },
    },
    // The homepage's "tutorials" links and the Releases notifications point to Strapi's marketing: not for our editors.
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    applyBrowserDefaults();
    installPasteConverter();
  },
  bootstrap(app: BootstrapApi) {
    app.addFields({ type: 'enumeration', Component: LabelledEnumeration });
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelEnumerationColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', labelEnumerationFilters);
  },
};
