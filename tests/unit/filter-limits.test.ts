// The filter depth limit of the public content API (src/content-api/filter-limits.ts), over a small schema shaped
// like the app's: notices → project → organization → parent, with a component on the project.
import { checkFilters } from '../../src/content-api/filter-limits';
import { schemaLookup } from '../../src/content-api/populate-limits';

const models: Record<string, { attributes: Record<string, any> }> = {
  notice: {
    attributes: { title: { type: 'string' }, project: { type: 'relation', relation: 'manyToOne', target: 'project' } },
  },
  project: {
    attributes: {
      category: { type: 'enumeration' },
      notices: { type: 'relation', relation: 'oneToMany', target: 'notice' },
      organization: { type: 'relation', relation: 'manyToOne', target: 'org' },
      keyTimes: { type: 'component', component: 'times' },
    },
  },
  org: { attributes: { name: { type: 'string' }, parent: { type: 'relation', relation: 'manyToOne', target: 'org' } } },
  times: { attributes: { bidDeadline: { type: 'datetime' } } },
};
const lookup = schemaLookup((uid) => models[uid]);
const check = (filters: unknown, model: string | undefined = 'notice') => checkFilters(filters, model, lookup);

test('filters through up to two relations or components pass (the site uses project.keyTimes.bidDeadline)', () => {
  expect(check({ title: { $containsi: '采购' } })).toBeNull();
  expect(check({ project: { category: { $eq: 'procurement' } } })).toBeNull();
  expect(check({ project: { keyTimes: { bidDeadline: { $gt: '2026-01-01' } } } })).toBeNull();
  expect(check({ project: { organization: { documentId: { $eq: 'x' } } } })).toBeNull();
  expect(check({ project: { organization: { name: { $eq: 'x' } } }, title: 'a' })).toBeNull();
});

test('a third relation is refused, naming the path, in Chinese and English', () => {
  const problem = check({ project: { organization: { parent: { name: { $eq: 'x' } } } } });
  expect(problem).toEqual({
    code: 'depth',
    path: 'project.organization.parent',
    message:
      'filters 经由关联的层级过深（project.organization.parent）：最多 2 层。 filters go through too many relations (project.organization.parent): at most 2 levels.',
  });
  expect(check({ project: { notices: { project: { category: 'x' } } } })?.path).toBe('project.notices.project');
});

test('logical operators stay at their level, in array and object form', () => {
  expect(check({ $and: [{ project: { organization: { name: 'x' } } }] })).toBeNull();
  expect(check({ $or: { 0: { project: { organization: { parent: { name: 'x' } } } } } })?.path).toBe(
    'project.organization.parent',
  );
  expect(check({ project: { $not: { organization: { parent: { name: 'x' } } } } })?.path).toBe(
    'project.organization.parent',
  );
  expect(check({ project: { $and: [{ organization: { name: 'x' } }] } })).toBeNull();
});

test('unknown attributes and unknown models count nesting of names', () => {
  expect(check({ a: { b: { c: { $eq: 1 } } } }, undefined)).toBeNull();
  expect(check({ a: { b: { c: { d: 1 } } } }, undefined)?.path).toBe('a.b.c');
});
