/**
 * Limits on `populate` in public content-API reads. Strapi follows any populate it is given, and relations loop
 * (project → notices → project → notices …): one anonymous URL could make the server build a 120 MB answer. The
 * limits keep every answer linear in the stored data and small enough for the site:
 *   - at most MAX_DEPTH levels (the site uses one);
 *   - at most MAX_POPULATED populated attributes in the whole request;
 *   - a to-many relation only at the first level (below it, one project → notices fan-out per row would multiply);
 *   - `*` means every populatable attribute of the type at that level (Strapi's meaning), counted like listed ones,
 *     under the same rules: `populate[parent][populate]=*` passes, `populate[project][populate]=*` on notices does
 *     not (it reaches the project's notices below the first level).
 * Pure: the schema comes in as a lookup function.
 */

export const MAX_DEPTH = 2;
export const MAX_POPULATED = 8;

/** What the check needs to know of an attribute. */
export interface AttributeInfo {
  kind: 'relation' | 'media' | 'component' | 'dynamiczone' | 'other';
  /** A relation with many targets (oneToMany, manyToMany, manyWay, morphToMany). */
  toManyRelation: boolean;
  /** The content type or component populated through it (undefined for dynamic zones and media). */
  target?: string;
}
export interface SchemaLookup {
  attribute(model: string, attribute: string): AttributeInfo | undefined;
  /** The attributes `populate=*` expands on this model (relations, media, components, dynamic zones). */
  populatable(model: string): string[];
}

export interface PopulateProblem {
  code: 'wildcard' | 'depth' | 'breadth' | 'nestedToMany' | 'malformed';
  path: string;
  message: string;
}

const MESSAGES: Record<PopulateProblem['code'], (path: string) => string> = {
  wildcard: (path) =>
    `populate 只在第一层接受通配符 *（${path}）：请逐一列出需要展开的字段。 populate accepts the wildcard * only at the top level (${path}): name each attribute to populate.`,
  depth: (path) =>
    `populate 层级过深（${path}）：最多 ${MAX_DEPTH} 层。 populate is too deep (${path}): at most ${MAX_DEPTH} levels.`,
  breadth: (path) =>
    `populate 展开的字段过多（从 ${path} 起）：最多 ${MAX_POPULATED} 个。 populate expands too many attributes (from ${path} on): at most ${MAX_POPULATED}.`,
  nestedToMany: (path) =>
    `populate 不能在第二层展开一对多关联（${path}）：请单独查询该关联。 populate cannot expand a to-many relation below the first level (${path}): query it on its own.`,
  malformed: (path) => `populate 格式无效（${path}）。 populate is malformed (${path}).`,
};

class Refusal extends Error {
  constructor(readonly problem: PopulateProblem) {
    super(problem.message);
  }
}
const refuse = (code: PopulateProblem['code'], path: string): never => {
  throw new Refusal({ code, path, message: MESSAGES[code](path) });
};

/** `a,b.c` / ['a', 'b.c'] → { a: true, b: { populate: { c: true } } } (Strapi's string and array forms). */
function fromPaths(paths: string[], at: string): Record<string, unknown> {
  const tree: Record<string, any> = {};
  for (const raw of paths.flatMap((p) => p.split(','))) {
    const segments = raw.trim().split('.').filter(Boolean);
    if (segments.length === 0) continue;
    let node = tree;
    segments.forEach((segment, i) => {
      // `*` may only end a path (notices.*): "every attribute" cannot be followed by a name.
      if (segment.includes('*') && (segment !== '*' || i !== segments.length - 1))
        refuse('wildcard', [at, ...segments.slice(0, i + 1)].filter(Boolean).join('.'));
      if (i === segments.length - 1) {
        node[segment] = node[segment] && typeof node[segment] === 'object' ? node[segment] : true;
      } else {
        if (!node[segment] || typeof node[segment] !== 'object') node[segment] = { populate: {} };
        node[segment].populate = node[segment].populate ?? {};
        node = node[segment].populate;
      }
    });
  }
  return tree;
}

const isFalse = (value: unknown) => value === false || value === 'false' || value === '0';

interface Walk {
  lookup: SchemaLookup;
  populated: number;
}

/** Visits one populate object of `model` at `depth` (1 = the top level). */
function visit(value: unknown, model: string | undefined, depth: number, at: string, walk: Walk): void {
  if (value === undefined || value === null || value === '' || isFalse(value)) return;
  if (value === true || value === 'true') return;
  let tree: Record<string, unknown>;
  if (typeof value === 'string') {
    tree = fromPaths([value], at);
  } else if (Array.isArray(value)) {
    if (!value.every((item) => typeof item === 'string')) refuse('malformed', at || 'populate');
    tree = fromPaths(value as string[], at);
  } else if (typeof value === 'object') {
    tree = value as Record<string, unknown>;
  } else {
    return refuse('malformed', at || 'populate');
  }

  if ('*' in tree && !isFalse(tree['*'])) {
    // Every populatable attribute of the model, each counted; on a route whose type is unknown it cannot be counted.
    if (!model) refuse('wildcard', at ? `${at}.*` : '*');
    const { '*': _all, ...named } = tree;
    tree = { ...Object.fromEntries(walk.lookup.populatable(model!).map((name) => [name, true])), ...named };
  }

  for (const [name, rawSpec] of Object.entries(tree)) {
    const path = at ? `${at}.${name}` : name;
    if (name.includes('*')) refuse('wildcard', path);
    // populate[notices]=* : the relation with every attribute of its target.
    const spec = typeof rawSpec === 'string' && rawSpec.trim() === '*' ? { populate: '*' } : rawSpec;
    if (isFalse(spec)) continue;
    if (depth > MAX_DEPTH) refuse('depth', path);
    walk.populated += 1;
    if (walk.populated > MAX_POPULATED) refuse('breadth', path);
    const info = model ? walk.lookup.attribute(model, name) : undefined;
    if (info?.toManyRelation && depth > 1) refuse('nestedToMany', path);
    if (spec === true || spec === 'true') continue;
    if (typeof spec === 'string') {
      if (spec.includes('*')) refuse('wildcard', path);
      continue;
    }
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) refuse('malformed', path);
    const options = spec as Record<string, unknown>;
    if (options.populate !== undefined) visit(options.populate, info?.target, depth + 1, path, walk);
    // Dynamic zones: populate[zone][on][component.uid][populate]… ; each component is at the zone's level.
    if (options.on !== undefined) {
      if (!options.on || typeof options.on !== 'object' || Array.isArray(options.on)) refuse('malformed', `${path}.on`);
      for (const [component, componentSpec] of Object.entries(options.on as Record<string, unknown>)) {
        if (
          componentSpec &&
          typeof componentSpec === 'object' &&
          (componentSpec as Record<string, unknown>).populate !== undefined
        ) {
          visit(
            (componentSpec as Record<string, unknown>).populate,
            component,
            depth + 1,
            `${path}.on.${component}`,
            walk,
          );
        }
      }
    }
  }
}

/** Null when the populate of a request on `model` is within the limits, else the first problem found. */
export function checkPopulate(
  populate: unknown,
  model: string | undefined,
  lookup: SchemaLookup,
): PopulateProblem | null {
  try {
    visit(populate, model, 1, '', { lookup, populated: 0 });
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

/** Reads Strapi's schema (content types and components) into the lookup the check needs. */
export function schemaLookup(models: (uid: string) => { attributes?: Record<string, any> } | undefined): SchemaLookup {
  const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);
  const attribute = (model: string, name: string): AttributeInfo | undefined => {
    const definition = models(model)?.attributes?.[name];
    if (!definition) return undefined;
    switch (definition.type) {
      case 'relation':
        // An entry's `localizations` (i18n) are its versions in the other locales: as many as there are locales, no fan-out.
        return {
          kind: 'relation',
          toManyRelation: name !== 'localizations' && /Many$|^manyWay$/.test(String(definition.relation)),
          target: definition.target,
        };
      case 'media':
        return { kind: 'media', toManyRelation: false, target: 'plugin::upload.file' };
      case 'component':
        return { kind: 'component', toManyRelation: false, target: definition.component };
      case 'dynamiczone':
        return { kind: 'dynamiczone', toManyRelation: false };
      default:
        return { kind: 'other', toManyRelation: false };
    }
  };
  return {
    attribute,
    populatable: (model) =>
      Object.entries(models(model)?.attributes ?? {})
        // createdBy/updatedBy and private attributes never reach the content API (Strapi's sanitizer drops them).
        .filter(
          ([name, definition]) =>
            POPULATABLE.has(definition?.type) && !definition.private && name !== 'createdBy' && name !== 'updatedBy',
        )
        .map(([name]) => name),
  };
}
