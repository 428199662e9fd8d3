/**
 * Limits on `filters` in public content-API reads, like populate's (./populate-limits.ts): every relation, component or
 * media a filter goes through is a join, and relations loop (notice → project → notices → project …), so one
 * anonymous URL could make the database join without end. A filter may go through at most MAX_DEPTH of them
 * (`filters[project][keyTimes][bidDeadline]`, the site's deepest, goes through two). Logical operators ($and, $or,
 * $not) stay at their level. Pure: the schema comes in as the populate check's lookup.
 */
import { MAX_DEPTH, type SchemaLookup } from './populate-limits';

export interface FilterProblem {
  code: 'depth';
  path: string;
  message: string;
}

const message = (path: string) =>
  `filters 经由关联的层级过深（${path}）：最多 ${MAX_DEPTH} 层。 filters go through too many relations (${path}): at most ${MAX_DEPTH} levels.`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
/** An attribute name (not an operator such as $eq, nor a list index). */
const isName = (key: string) => !key.startsWith('$') && !/^\d+$/.test(key);

class TooDeep extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

function visit(value: unknown, model: string | undefined, depth: number, at: string, lookup: SchemaLookup): void {
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$and' || key === '$or') {
      for (const item of Array.isArray(child) ? child : isObject(child) ? Object.values(child) : [])
        visit(item, model, depth, at, lookup);
      continue;
    }
    if (key === '$not') {
      visit(child, model, depth, at, lookup);
      continue;
    }
    if (!isName(key) || !isObject(child)) continue;
    const path = at ? `${at}.${key}` : key;
    const info = model ? lookup.attribute(model, key) : undefined;
    // Unknown to the schema (or on a route whose type is unknown): a name holding further names goes one level down.
    const joins = info ? info.kind !== 'other' : Object.keys(child).some(isName);
    if (!joins) continue;
    if (depth + 1 > MAX_DEPTH) throw new TooDeep(path);
    visit(child, info?.target, depth + 1, path, lookup);
  }
}

/** Null when the filters of a request on `model` are within the limit, else the first path that goes too deep. */
export function checkFilters(filters: unknown, model: string | undefined, lookup: SchemaLookup): FilterProblem | null {
  try {
    visit(filters, model, 0, '', lookup);
    return null;
  } catch (error) {
    if (error instanceof TooDeep) return { code: 'depth', path: error.path, message: message(error.path) };
    throw error;
  }
}
