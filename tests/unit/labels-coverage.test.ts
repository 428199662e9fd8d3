/**
 * Every field an editor meets in the Content Manager has a Chinese label in src/labels (and every enumeration value a
 * label), so no API code (`siteCode`, `workday`) shows in the admin: enumerated from the schemas themselves, so a field
 * added later without a label fails here.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_VIEWS, ENUM_LABELS } from '../../src/labels';
import pluginTypes from '../../src/plugins/disclosure/server/src/content-types';

type Attribute = { type: string; enum?: string[] };
type Schema = { attributes: Record<string, Attribute>; pluginOptions?: { 'content-manager'?: { visible?: boolean } } };

const root = join(__dirname, '../..');
const schemas: Record<string, Schema> = {};
for (const api of readdirSync(join(root, 'src/api'))) {
  const dir = join(root, 'src/api', api, 'content-types');
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir))
    schemas[`api::${api}.${name}`] = JSON.parse(readFileSync(join(dir, name, 'schema.json'), 'utf8'));
}
for (const category of readdirSync(join(root, 'src/components'))) {
  for (const file of readdirSync(join(root, 'src/components', category))) {
    schemas[`${category}.${file.replace(/\.json$/, '')}`] = JSON.parse(
      readFileSync(join(root, 'src/components', category, file), 'utf8'),
    );
  }
}
for (const [name, { schema }] of Object.entries(pluginTypes as Record<string, { schema: Schema }>)) {
  if (schema.pluginOptions?.['content-manager']?.visible === false) continue; // not shown in the Content Manager
  schemas[`plugin::disclosure.${name}`] = schema;
}

const fields = Object.entries(schemas).flatMap(([uid, schema]) =>
  Object.entries(schema.attributes).map(([field, attribute]) => ({ uid, field, attribute })),
);

it('reads every schema the Content Manager shows (11 types, 3 plugin types, 6 components)', () => {
  expect(Object.keys(schemas).filter((uid) => uid.startsWith('api::'))).toHaveLength(11);
  expect(
    Object.keys(schemas)
      .filter((uid) => uid.startsWith('plugin::'))
      .sort(),
  ).toEqual([
    'plugin::disclosure.calendar-day',
    'plugin::disclosure.calendar-year',
    'plugin::disclosure.historical-report',
  ]);
  expect(Object.keys(schemas).filter((uid) => !uid.includes('::'))).toHaveLength(6);
});

it('labels every field in Chinese (and English)', () => {
  const missing = fields.filter(
    ({ uid, field }) => !CONTENT_VIEWS[uid]?.fields[field]?.zh || !CONTENT_VIEWS[uid]?.fields[field]?.en,
  );
  expect(missing.map(({ uid, field }) => `${uid}.${field}`)).toEqual([]);
  for (const { uid, field } of fields) expect(CONTENT_VIEWS[uid].fields[field].zh).toMatch(/[\u4e00-\u9fff]/);
});

it('declares no label for a field that does not exist', () => {
  const stale = Object.entries(CONTENT_VIEWS).flatMap(([uid, view]) =>
    Object.keys(view.fields)
      .filter((field) => !schemas[uid]?.attributes[field])
      .map((field) => `${uid}.${field}`),
  );
  expect(stale).toEqual([]);
});

it('states the expected form of every field with a pattern, and of every date', () => {
  const formatted = fields.filter(({ uid, field, attribute }) => {
    const edit = CONTENT_VIEWS[uid].fields[field].edit;
    return edit !== 'hidden' && ('regex' in attribute || attribute.type === 'date');
  });
  expect(formatted.length).toBeGreaterThan(20);
  expect(
    formatted
      .filter(({ uid, field }) => !CONTENT_VIEWS[uid].fields[field].hint)
      .map(({ uid, field }) => `${uid}.${field}`),
  ).toEqual([]);
});

it('labels every enumeration value', () => {
  const missing = fields
    .filter(({ attribute }) => attribute.type === 'enumeration')
    .flatMap(({ uid, field, attribute }) =>
      (attribute.enum ?? [])
        .filter((code) => !ENUM_LABELS[uid]?.[field]?.[code]?.zh)
        .map((code) => `${uid}.${field}=${code}`),
    );
  expect(missing).toEqual([]);
});
