/**
 * The public search: checks the request (400 naming the field, zh and en), asks the index, and shapes the answer
 * (title, codes, date, a snippet of the body with the hits marked as offsets).
 */
import { z } from 'zod';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';
import { MAX_QUERY_LENGTH, occurrences, parseQuery, snippetOf, type Range } from './text';
import { SEARCH_KINDS, type SearchKind } from './sources';
import { findEntries } from './store';

export const PAGE_SIZE_DEFAULT = 10;
export const PAGE_SIZE_MAX = 50;
/** Pages beyond this are refused: the matches are counted up to MAX_PAGE × pageSize. */
export const MAX_PAGE = 50;
const LOCALES = ['zh-Hans', 'en'] as const;

const problem = (field: string, zh: string, en: string) => ({ field, message: `${zh} ${en}` });
const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const Params = z.object({
  q: z.string({ error: 'required' }),
  type: z.enum(['all', ...SEARCH_KINDS]).default('all'),
  locale: z.enum(LOCALES).default('zh-Hans'),
  page: positiveInt(MAX_PAGE).default(1),
  pageSize: positiveInt(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});

const MESSAGES: Record<string, () => { field: string; message: string }> = {
  q: () =>
    problem(
      'q',
      `搜索词不能为空，且不超过 ${MAX_QUERY_LENGTH} 个字符。`,
      `q must be 1 to ${MAX_QUERY_LENGTH} characters.`,
    ),
  type: () =>
    problem(
      'type',
      '搜索范围（type）只能是 all、notice、project 或 document。',
      'type must be one of all, notice, project, document.',
    ),
  locale: () => problem('locale', '语言（locale）只能是 zh-Hans 或 en。', 'locale must be zh-Hans or en.'),
  page: () =>
    problem('page', `页码（page）应为 1 至 ${MAX_PAGE} 的整数。`, `page must be an integer from 1 to ${MAX_PAGE}.`),
  pageSize: () =>
    problem(
      'pageSize',
      `每页条数（pageSize）应为 1 至 ${PAGE_SIZE_MAX} 的整数。`,
      `pageSize must be an integer from 1 to ${PAGE_SIZE_MAX}.`,
    ),
};

function refuse(problems: { field: string; message: string }[]): never {
  throw new errors.ValidationError(problems.map((p) => p.message).join('；'), {
    errors: problems.map((p) => ({ path: [p.field], message: p.message, name: 'ValidationError', value: null })),
  });
}

export interface SearchHit {
  type: SearchKind;
  documentId: string;
  locale: string | null;
  title: string;
  titleHighlights: Range[];
  code: string | null;
  date: string | null;
  snippet: string;
  highlights: Range[];
}

export async function search(strapi: Core.Strapi, query: Record<string, unknown>) {
  // `status` is set to published by the content-API guard on every read.
  const unknown = Object.keys(query).filter((key) => !(key in Params.shape) && key !== 'status');
  if (unknown.length)
    refuse(unknown.map((key) => problem(key, `不支持的参数：${key}。`, `Unknown parameter: ${key}.`)));
  const { status: _status, ...params } = query;
  const parsed = Params.safeParse(params);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'q')))];
    refuse(fields.map((field) => (MESSAGES[field] ?? MESSAGES.q)()));
  }
  const { q, type, locale, page, pageSize } = parsed.data;
  const text = q.trim();
  if (text.length === 0 || text.length > MAX_QUERY_LENGTH) refuse([MESSAGES.q()]);
  const wanted = parseQuery(text);
  if (!wanted) refuse([problem('q', '搜索词须包含文字或数字。', 'q must contain a letter or a digit.')]);

  const countCap = MAX_PAGE * pageSize;
  const { rows, total } = await findEntries(strapi, {
    query: wanted,
    kinds: type === 'all' ? SEARCH_KINDS : [type],
    locale,
    offset: (page - 1) * pageSize,
    limit: pageSize,
    countCap: countCap + 1,
  });
  const data: SearchHit[] = rows.map((row) => {
    const { snippet, highlights } = snippetOf(row.body, wanted.highlight);
    return {
      type: row.kind,
      documentId: row.documentId,
      locale: row.locale || null,
      title: row.title,
      titleHighlights: occurrences(row.title, wanted.highlight),
      code: row.code || null,
      date: row.sortAt || null,
      snippet,
      highlights,
    };
  });
  const capped = total > countCap;
  const counted = Math.min(total, countCap);
  return {
    data,
    meta: {
      query: text,
      type,
      pagination: {
        page,
        pageSize,
        total: counted,
        pageCount: Math.ceil(counted / pageSize),
        totalIsLowerBound: capped,
      },
    },
  };
}
