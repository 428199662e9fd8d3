/**
 * The Content Manager's edit and list views as Chinese editors expect them (labels, expected forms, list columns,
 * newest first), applied on every start from src/labels. Strapi keeps these views in its core store and lets an admin
 * change them (Configure the view); so a declared value is written only where the stored value is still Strapi's
 * default or what this set-up wrote last time (remembered in the core store). What an admin changed by hand stays.
 */
import type { Core } from '@strapi/strapi';
import { CONTENT_VIEWS, type ViewSpec } from '../labels';

type Metadata = { edit: Record<string, unknown>; list: Record<string, unknown> };
type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown[] };
};
type Model = { uid: string; attributes: Record<string, { type: string; relation?: string }> };

/** The values this set-up wrote last time, per uid and setting path ("settings.pageSize", "metadatas.title.edit.label"). */
type Applied = Record<string, Record<string, unknown>>;
const APPLIED_KEY = 'content_manager_views_applied';

// Strapi's defaults (node_modules/@strapi/content-manager/dist/server/services/utils/configuration).
const NON_LISTABLE = ['json', 'password', 'richtext', 'dynamiczone', 'blocks'];
const defaultList = (model: Model) =>
  Object.keys(model.attributes)
    .filter((name) => name !== 'documentId' && !NON_LISTABLE.includes(model.attributes[name].type))
    .slice(0, 4);
const defaultMainField = (model: Model) =>
  Object.keys(model.attributes).find(
    (name) => name !== 'id' && name !== 'documentId' && model.attributes[name].type === 'string',
  ) ?? 'id';

/** The desired value of each setting path, with Strapi's default beside it. */
function declared(model: Model, spec: ViewSpec): Array<{ path: string; value: unknown; strapiDefault: unknown }> {
  const out: Array<{ path: string; value: unknown; strapiDefault: unknown }> = [];
  for (const [field, label] of Object.entries(spec.fields)) {
    if (!model.attributes[field]) continue;
    out.push({ path: `metadatas.${field}.edit.label`, value: label.zh, strapiDefault: field });
    out.push({ path: `metadatas.${field}.list.label`, value: label.zh, strapiDefault: field });
    if (label.hint) out.push({ path: `metadatas.${field}.edit.description`, value: label.hint, strapiDefault: '' });
    if (label.edit === 'readOnly')
      out.push({ path: `metadatas.${field}.edit.editable`, value: false, strapiDefault: true });
    if (label.edit === 'hidden')
      out.push({ path: `metadatas.${field}.edit.visible`, value: false, strapiDefault: true });
  }
  const mainField = defaultMainField(model);
  if (spec.mainField) out.push({ path: 'settings.mainField', value: spec.mainField, strapiDefault: mainField });
  if (spec.sort) {
    out.push({ path: 'settings.defaultSortBy', value: spec.sort.by, strapiDefault: mainField });
    out.push({ path: 'settings.defaultSortOrder', value: spec.sort.order, strapiDefault: 'ASC' });
  }
  if (spec.pageSize) out.push({ path: 'settings.pageSize', value: spec.pageSize, strapiDefault: 10 });
  if (spec.list) out.push({ path: 'layouts.list', value: spec.list, strapiDefault: defaultList(model) });
  return out;
}

const getPath = (object: Record<string, any>, path: string) =>
  path.split('.').reduce<any>((node, key) => node?.[key], object);
function setPath(object: Record<string, any>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = object;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  node[keys[keys.length - 1]] = value;
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Pure: the configuration with the declared values applied where allowed, and the record of what was written. */
export function planView(model: Model, spec: ViewSpec, current: Configuration, appliedBefore: Record<string, unknown>) {
  const next: Configuration = JSON.parse(JSON.stringify(current));
  const applied: Record<string, unknown> = {};
  for (const { path, value, strapiDefault } of declared(model, spec)) {
    const stored = getPath(next, path);
    const untouched =
      stored === undefined ||
      same(stored, strapiDefault) ||
      (path in appliedBefore && same(stored, appliedBefore[path]));
    if (untouched) {
      setPath(next, path, value);
      applied[path] = value;
    } else if (same(stored, value)) {
      applied[path] = value;
    }
  }
  return { next, applied };
}

export async function applyContentManagerViews(strapi: Core.Strapi) {
  const cm = strapi.plugin('content-manager');
  const contentTypes = cm.service('content-types');
  const components = cm.service('components');
  const store = strapi.store({ type: 'plugin', name: 'content_manager' });
  const appliedBefore = ((await store.get({ key: APPLIED_KEY })) ?? {}) as Applied;
  const appliedNow: Applied = {};
  for (const [uid, spec] of Object.entries(CONTENT_VIEWS)) {
    const isComponent = !uid.includes('::');
    const service = isComponent ? components : contentTypes;
    const model: Model | undefined = isComponent ? service.findComponent(uid) : service.findContentType(uid);
    if (!model) {
      strapi.log.warn(`[setup] src/labels declares a view for ${uid}, which does not exist`);
      continue;
    }
    const current = (await service.findConfiguration(model)) as Configuration;
    const { next, applied } = planView(model, spec, current, appliedBefore[uid] ?? {});
    appliedNow[uid] = applied;
    if (!same(next, current)) {
      await service.updateConfiguration(model, {
        settings: next.settings,
        metadatas: next.metadatas,
        layouts: next.layouts,
      });
    }
  }
  if (!same(appliedNow, appliedBefore)) await store.set({ key: APPLIED_KEY, value: appliedNow });
}
