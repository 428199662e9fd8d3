// The populate limits of the public content API (src/content-api/populate-limits.ts), over a small schema shaped
// like the app's: projects ↔ notices (to-many one way, to-one back), organizations with a parent.
import fc from 'fast-check';
import { checkPopulate, schemaLookup, MAX_DEPTH, MAX_POPULATED } from '../../src/content-api/populate-limits';

const models: Record<string, { attributes: Record<string, any> }> = {
  project: {
    attributes: {
      name: { type: 'string' },
      notices: { type: 'relation', relation: 'oneToMany', target: 'notice' },
      organization: { type: 'relation', relation: 'manyToOne', target: 'org' },
      budget: { type: 'component', component: 'money' },
    },
  },
  notice: {
    attributes: {
      title: { type: 'string' },
      project: { type: 'relation', relation: 'manyToOne', target: 'project' },
      attachments: { type: 'media', multiple: true },
    },
  },
  org: {
    attributes: {
      name: { type: 'string' },
      parent: { type: 'relation', relation: 'manyToOne', target: 'org' },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin' },
    },
  },
  money: { attributes: { amount: { type: 'string' } } },
};
const lookup = schemaLookup((uid) => models[uid]);
const check = (populate: unknown, model = 'project') => checkPopulate(populate, model, lookup)?.code ?? null;

test('the forms Strapi accepts are read alike', () => {
  expect(check({ notices: { populate: { project: true } } })).toBeNull();
  expect(check('notices.project')).toBeNull();
  expect(check(['notices.project', 'organization'])).toBeNull();
  expect(check('notices.project.notices')).toBe('depth');
  expect(check({ notices: { populate: { project: { populate: { notices: true } } } } })).toBe('depth');
  expect(check(['organization', 'notices.project.notices'])).toBe('depth');
});

test('a to-many relation only at the first level; media and to-one below it are fine', () => {
  expect(check({ project: { populate: { notices: true } } }, 'notice')).toBe('nestedToMany');
  expect(check({ project: { populate: '*' } }, 'notice')).toBe('nestedToMany');
  expect(check({ notices: { populate: { attachments: true, project: true } } })).toBeNull();
});

test('* is every populatable attribute of its model (createdBy excluded), counted; unknown model: refused', () => {
  expect(check('*')).toBeNull();
  expect(check('*', 'org')).toBeNull();
  expect(check({ parent: { populate: '*' } }, 'org')).toBeNull();
  expect(checkPopulate('*', undefined, lookup)?.code).toBe('wildcard');
  expect(check('*.project')).toBe('wildcard');
  expect(check({ notices: { populate: { '*': true } } })).toBeNull();
});

test('false and empty values populate nothing', () => {
  expect(check({ notices: false, organization: 'false' })).toBeNull();
  expect(check('')).toBeNull();
});

/** Random populate trees over generic names: the verdict follows depth and count, whatever the shape. */
const tree: fc.Memo<Record<string, unknown>> = fc.memo((n) =>
  fc.dictionary(
    fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    n <= 1 ? fc.constant(true) : fc.oneof(fc.constant(true), fc.record({ populate: tree(n - 1) })),
    { minKeys: 1, maxKeys: 4 },
  ),
);
const measure = (t: Record<string, unknown>, depth = 1): { depth: number; count: number } => {
  let result = { depth, count: 0 };
  for (const spec of Object.values(t)) {
    result.count += 1;
    if (spec && typeof spec === 'object') {
      const inner = measure((spec as { populate: Record<string, unknown> }).populate, depth + 1);
      result = { depth: Math.max(result.depth, inner.depth), count: result.count + inner.count };
    }
  }
  return result;
};

test('property: refused exactly when deeper than MAX_DEPTH or wider than MAX_POPULATED (unknown types)', () => {
  fc.assert(
    fc.property(tree(4), (t) => {
      const { depth, count } = measure(t);
      const verdict = checkPopulate(t, undefined, lookup);
      if (depth <= MAX_DEPTH && count <= MAX_POPULATED) expect(verdict).toBeNull();
      else expect(['depth', 'breadth']).toContain(verdict?.code);
    }),
    { numRuns: 300 },
  );
});
