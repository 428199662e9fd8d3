// Rules of plugin::disclosure.calendar-year on every write path (Content Manager, REST, code): one row per year, and a
// year marked complete names the notice it comes from and has its holidays entered. Who completed it, and when, is
// written here from the request, never taken from the input.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { CALENDAR_DAY_UID, CALENDAR_YEAR_UID } from './constants';

const WRITES = new Set(['create', 'update', 'clone']);

/** The fields the rules read, after merging the write into the stored row. */
const Merged = z.object({
  year: z.number().int().min(2000).max(2100),
  complete: z.boolean(),
  sourceNotice: z.string().nullable(),
});

interface Problem {
  path: string;
  message: string;
}

function refuse(problems: Problem[]): never {
  throw new errors.ValidationError(problems.map((p) => p.message).join('; '), {
    errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError', value: null })),
  });
}

/** A year given as 2027 or "2027" (forms send text); anything else stays as it is and fails the schema. */
const asYear = (value: unknown) => (typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : value);
const asBoolean = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : value);

const userLabel = (
  user:
    | {
        firstname?: string | null;
        lastname?: string | null;
        username?: string | null;
        email?: string | null;
        id?: number;
      }
    | undefined,
) =>
  user
    ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `#${user.id}`
    : 'system';

async function holidaysEntered(strapi: Core.Strapi, year: number): Promise<number> {
  return strapi.db.query(CALENDAR_DAY_UID as any).count({
    where: { kind: 'holiday', date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
  });
}

export function registerCalendarYearRules(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context as { uid: string; action: string };
    if (uid !== CALENDAR_YEAR_UID || !WRITES.has(action)) return next();

    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const data = { ...(params.data ?? {}) };
    const current = params.documentId
      ? ((await strapi.db.query(CALENDAR_YEAR_UID as any).findOne({
          where: { documentId: params.documentId },
          select: ['id', 'year', 'complete', 'sourceNotice', 'completedBy', 'completedAt'],
        })) as Record<string, unknown> | null)
      : null;

    const pick = (field: string, fallback: unknown) => (field in data ? data[field] : (current?.[field] ?? fallback));
    const notice = pick('sourceNotice', null);
    const parsed = Merged.safeParse({
      year: asYear(pick('year', undefined)),
      complete: asBoolean(pick('complete', false)) ?? false,
      sourceNotice: typeof notice === 'string' ? notice.trim() || null : notice,
    });
    if (!parsed.success) {
      refuse(
        parsed.error.issues.map((issue) => {
          const field = String(issue.path[0] ?? 'year');
          return {
            path: field,
            message:
              field === 'year'
                ? 'year 应为 2000–2100 之间的四位年份 / year must be a year from 2000 to 2100'
                : field === 'complete'
                  ? 'complete 应为 true 或 false / complete must be true or false'
                  : 'sourceNotice 应为文字 / sourceNotice must be text',
          };
        }),
      );
    }
    const merged = parsed.data;
    const problems: Problem[] = [];

    const sameYear = (await strapi.db.query(CALENDAR_YEAR_UID as any).findOne({
      where: { year: merged.year, ...(action === 'update' && current ? { id: { $ne: current.id } } : {}) },
      select: ['id'],
    })) as { id: number } | null;
    if (sameYear) {
      problems.push({
        path: 'year',
        message: `${merged.year}年已有记录，请编辑该记录 / ${merged.year} already has a calendar year entry: edit that one`,
      });
    }
    if (merged.complete) {
      if (!merged.sourceNotice) {
        problems.push({
          path: 'sourceNotice',
          message: `标记${merged.year}年安排完整时须填写依据的通知文号（如 国办发明电〔${merged.year - 1}〕N号） / sourceNotice is required when the year is complete: the State Council notice it comes from`,
        });
      }
      if ((await holidaysEntered(strapi, merged.year)) === 0) {
        problems.push({
          path: 'complete',
          message: `${merged.year}年尚未录入任何放假日期：请先在“节假日调整”中录入全部放假和调休上班日期，再标记完整 / No holiday of ${merged.year} is entered yet: enter its holidays and make-up working days as calendar days first`,
        });
      }
    }
    if (problems.length) refuse(problems);

    // Server-owned: who completed the year and when, kept while it stays complete, cleared when it is reopened.
    const wasComplete = current?.complete === true && action === 'update';
    const user = (strapi.requestContext.get() as { state?: { user?: Parameters<typeof userLabel>[0] } } | undefined)
      ?.state?.user;
    data.year = merged.year;
    data.complete = merged.complete;
    data.sourceNotice = merged.sourceNotice;
    if (!merged.complete) {
      data.completedBy = null;
      data.completedAt = null;
    } else if (!wasComplete) {
      data.completedBy = userLabel(user);
      data.completedAt = new Date().toISOString();
    } else {
      delete data.completedBy;
      delete data.completedAt;
    }
    params.data = data;
    return next();
  });
}
