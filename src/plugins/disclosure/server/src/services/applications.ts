/**
 * Services of the applications workflow: the working calendar (package + admin-entered days), the officer's worklist
 * and transitions (event + application in one transaction), and the public filing and status check.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import {
  ClockError,
  STATE_LABELS,
  applyEvent,
  allowedEvents,
  createCalendar,
  replay,
  type ApplicationEvent,
  type ApplicationState,
  type EventType,
  type IsoDate,
  type WorkingCalendar,
  type YearCoverage,
} from '../clock';
import {
  APPLICATION_UID,
  CALENDAR_DAY_UID,
  CALENDAR_YEAR_UID,
  EVENT_UID,
  ORGANIZATION_UID,
  SERVICES,
} from '../applications/constants';
import { isoDateOf, todayInChina } from '../applications/dates';
import { summarize, validateFiling, type FieldProblem, type FilingEnums } from '../applications/filing';
import { asWorkflow } from '../applications/guard';
import {
  concludeOutcomes,
  deriveStatus,
  outcomeView,
  readEventInput,
  toClockEvent,
  whoLabel,
  type StoredEvent,
} from '../applications/history';
import {
  hashQueryCode,
  newQueryCode,
  newTrackingNumber,
  normalizeTrackingNumber,
  verifyQueryCode,
} from '../applications/secrets';

type Strapi = Core.Strapi;
const db = (strapi: Strapi, uid: string) => strapi.db.query(uid as any);
const service = (strapi: Strapi, name: string) => strapi.plugin('disclosure').service(name);

function refuse(problems: readonly FieldProblem[], extra: Record<string, unknown> = {}): never {
  throw new errors.ValidationError(summarize(problems), {
    ...extra,
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
}

/** A refusal of the clock (invalid transition, missing calendar year) as a 400 naming the field and the rule. */
function refuseClock(error: ClockError): never {
  const field = error.field ?? 'on';
  const { expected, actual, index } = error as ClockError & {
    expected?: string;
    actual?: string;
    index?: number | null;
  };
  refuse([{ path: [field], message: error.message }], {
    code: error.code,
    field,
    messages: error.messages,
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    ...(index !== undefined && index !== null ? { index } : {}),
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    e?.code === '23505' ||
    /SQLITE_CONSTRAINT_UNIQUE|UNIQUE constraint failed|unique constraint/i.test(
      String(e?.code ?? '') + String(e?.message ?? ''),
    )
  );
}

/** The write was refused because the tracking number is already used (by Strapi's unique check or the index). */
function trackingNumberTaken(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  const details =
    error instanceof errors.ValidationError ? (error.details as { errors?: Array<{ path?: unknown[] }> }) : null;
  return !!details?.errors?.some((e) => e.path?.[0] === 'trackingNumber');
}

const userName = (user: {
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}) => [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || '';

/** Events of many applications in a few queries, each list in recording order. */
export async function eventsOf(strapi: Strapi, documentIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const byApplication = new Map<string, StoredEvent[]>();
  const ids = [...new Set(documentIds)];
  // Keep each IN list well under SQLite's bound-variable limit.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = (await db(strapi, EVENT_UID).findMany({
      where: { applicationDocumentId: { $in: ids.slice(i, i + 500) } },
      orderBy: [{ applicationDocumentId: 'asc' }, { sequence: 'asc' }],
    })) as StoredEvent[];
    for (const row of rows) {
      const list = byApplication.get(row.applicationDocumentId) ?? [];
      list.push(row);
      byApplication.set(row.applicationDocumentId, list);
    }
  }
  return byApplication;
}

/**
 * Which of the applications chosen by `applications` (a knex subquery of document ids) have recorded events: one
 * query, so that the histories are then read only for those (most open applications have none yet).
 */
export async function withEvents(strapi: Strapi, applications: Knex.QueryBuilder): Promise<Set<string>> {
  const events = strapi.db.metadata.get(EVENT_UID as any);
  const column = ((events.attributes as any).applicationDocumentId?.columnName ?? 'application_document_id') as string;
  const rows = (await (strapi.db.connection as unknown as Knex)(events.tableName)
    .distinct({ id: column })
    .whereIn(column, applications)) as Array<{ id: string }>;
  return new Set(rows.map((r) => String(r.id)));
}

/**
 * deriveStatus for many applications on one calendar and day. An application without events has a status that depends
 * only on its stored fields: computed once per distinct (received, state, concluded, outcome).
 */
export function statusDeriver(calendar: WorkingCalendar, today: IsoDate, soonDays: number) {
  const memo = new Map<string, ReturnType<typeof deriveStatus>>();
  return (
    app: { receivedOn: unknown; state: ApplicationState; concludedOn: unknown; outcome: string | null },
    rows: StoredEvent[],
  ) => {
    if (rows.length) return deriveStatus(app, rows, calendar, today, soonDays);
    const key = `${isoDateOf(app.receivedOn)}|${app.state}|${isoDateOf(app.concludedOn)}|${app.outcome}`;
    let found = memo.get(key);
    if (!found) memo.set(key, (found = deriveStatus(app, rows, calendar, today, soonDays)));
    return found;
  };
}

const eventView = (row: StoredEvent) => ({
  documentId: row.documentId,
  sequence: row.sequence,
  type: row.eventType,
  on: isoDateOf(row.occurredOn),
  fromState: row.fromState,
  toState: row.toState,
  by: { id: row.byId, name: whoLabel(row) },
  note: row.note ?? null,
  payload: row.payload ?? {},
  recordedAt: row.createdAt,
});

const workingCalendar = ({ strapi }: { strapi: Strapi }) => ({
  /**
   * The official calendar of chinese-days with the days entered in plugin::disclosure.calendar-day on top; the years
   * marked complete in plugin::disclosure.calendar-year are known, other years beyond the package are provisional.
   */
  async load(): Promise<WorkingCalendar> {
    const rows = (await db(strapi, CALENDAR_DAY_UID).findMany({
      select: ['date', 'kind', 'name'],
      orderBy: { date: 'asc' },
    })) as Array<{ date: unknown; kind: 'holiday' | 'workday'; name: string | null }>;
    const years = (await db(strapi, CALENDAR_YEAR_UID).findMany({
      where: { complete: true },
      select: ['year'],
    })) as Array<{ year: number }>;
    return createCalendar({
      overrides: rows.map((r) => ({ date: isoDateOf(r.date)!, kind: r.kind, ...(r.name ? { name: r.name } : {}) })),
      knownYears: years.map((y) => Number(y.year)),
    });
  },

  async coverage(years: readonly number[]): Promise<YearCoverage[]> {
    const calendar = await this.load();
    return years.map((year) => calendar.coverage(year));
  },
});

const LIST_FIELDS = [
  'documentId',
  'trackingNumber',
  'receivedOn',
  'channel',
  'applicantType',
  'applicantName',
  'state',
  'concludedOn',
  'outcome',
];
const DETAIL_FIELDS = [
  ...LIST_FIELDS,
  'idType',
  'idNumber',
  'contactPerson',
  'phone',
  'email',
  'address',
  'postalCode',
  'requestedInformation',
  'preferredForm',
  'deliveryMethod',
  'notes',
  'createdAt',
  'updatedAt',
];
/** What the worklist reads of every open application to replay and sort it. */
const LIGHT_FIELDS = ['documentId', 'trackingNumber', 'receivedOn', 'state', 'concludedOn', 'outcome'];

export type WorklistFilter = ApplicationState | 'all' | 'overdue' | 'dueSoon';
export interface WorklistOptions {
  organization?: string;
  /** The caller's organizations when scoped (undefined: every organization). */
  organizations?: string[];
  q?: string;
  filter?: WorklistFilter;
  page?: number;
  pageSize?: number;
}

/** Rows carry their numeric id; the admin API speaks documentIds only. */
const omitId = ({ id: _id, ...rest }: Record<string, unknown>) => rest;

export const OPEN_STATES: ApplicationState[] = ['received', 'correctionRequested', 'consulting', 'extended'];

const applications = ({ strapi }: { strapi: Strapi }) => {
  const calendar = () => service(strapi, SERVICES.workingCalendar).load() as Promise<WorkingCalendar>;
  const dueSoonWorkingDays = () => Number(strapi.plugin('disclosure').config('dueSoonWorkingDays'));

  return {
    /**
     * Open applications, most pressing first (by replayed due date), with counts per state; one page of them.
     * `q` searches the open ones by tracking number or applicant name, and finds a concluded one by its exact number.
     * Only the light columns of the open applications are read to replay and sort them (due dates are not stored);
     * the page's rows are then read whole.
     */
    async worklist(options: WorklistOptions = {}) {
      const today = todayInChina();
      const soon = dueSoonWorkingDays();
      const cal = await calendar();
      const scope = options.organization
        ? { organization: { documentId: options.organization } }
        : options.organizations
          ? { organization: { documentId: { $in: options.organizations } } }
          : {};
      const q = options.q?.trim() ?? '';
      const search = q ? { $or: [{ trackingNumber: { $containsi: q } }, { applicantName: { $containsi: q } }] } : {};
      const light = (await db(strapi, APPLICATION_UID).findMany({
        where: { ...scope, ...search, state: { $in: OPEN_STATES } },
        select: LIGHT_FIELDS,
      })) as any[];
      // A concluded application is found by its exact tracking number only (the unique index), never listed otherwise.
      const concludedFound = q
        ? ((await db(strapi, APPLICATION_UID).findMany({
            where: { ...scope, trackingNumber: normalizeTrackingNumber(q), state: 'concluded' },
            select: LIGHT_FIELDS,
          })) as any[])
        : [];
      const apps = strapi.db.metadata.get(APPLICATION_UID as any);
      const stateColumn = ((apps.attributes as any).state?.columnName ?? 'state') as string;
      const knex = strapi.db.connection as unknown as Knex;
      // Histories only of the applications that have one (a superset: every open application, and those found).
      const histories = await withEvents(
        strapi,
        knex(apps.tableName)
          .select('document_id')
          .whereIn(stateColumn, OPEN_STATES)
          .orWhereIn(
            'document_id',
            concludedFound.map((a) => a.documentId),
          ),
      );
      const events = await eventsOf(
        strapi,
        [...light, ...concludedFound].map((a) => a.documentId).filter((id) => histories.has(id)),
      );
      const derive = statusDeriver(cal, today, soon);
      const all = [...light, ...concludedFound].map((app) => {
        const rows = events.get(app.documentId) ?? [];
        const { status, problem } = derive(app, rows);
        return {
          documentId: app.documentId as string,
          trackingNumber: app.trackingNumber as string,
          receivedOn: isoDateOf(app.receivedOn),
          state: (status?.state ?? app.state) as ApplicationState,
          dueOn: status?.dueOn ?? null,
          urgency: status?.urgency ?? null,
          workingDaysLeft: status?.workingDaysLeft ?? null,
          dueOnProvisional: status?.dueOnProvisional ?? false,
          provisionalYears: status?.provisionalYears ?? [],
          correctionRequestedOn: status?.correctionRequestedOn ?? null,
          consultingSince: status?.consultingSince ?? null,
          events: rows.length,
          problem,
        };
      });
      // Due date first; stopped clocks (correction requested, consulting) after, oldest receipt first.
      all.sort(
        (a, b) =>
          (a.state === 'concluded' ? 1 : 0) - (b.state === 'concluded' ? 1 : 0) ||
          (a.dueOn === null ? 1 : 0) - (b.dueOn === null ? 1 : 0) ||
          (a.dueOn ?? '').localeCompare(b.dueOn ?? '') ||
          (a.receivedOn ?? '').localeCompare(b.receivedOn ?? '') ||
          a.trackingNumber.localeCompare(b.trackingNumber),
      );
      const byState: Record<ApplicationState, number> = {
        received: 0,
        correctionRequested: 0,
        consulting: 0,
        extended: 0,
        concluded: q ? 0 : await db(strapi, APPLICATION_UID).count({ where: { ...scope, state: 'concluded' } }),
      };
      for (const item of all) byState[item.state] += 1;
      const filter = options.filter ?? 'all';
      const filtered = all.filter((item) =>
        filter === 'all'
          ? true
          : filter === 'overdue' || filter === 'dueSoon'
            ? item.urgency === filter
            : item.state === filter,
      );
      const pageSize = options.pageSize ?? 50;
      const page = options.page ?? 1;
      const pageItems = filtered.slice((page - 1) * pageSize, page * pageSize);
      // The page's rows whole: applicant and organization only for what is shown.
      const full = new Map(
        (
          (pageItems.length
            ? await db(strapi, APPLICATION_UID).findMany({
                where: { documentId: { $in: pageItems.map((i) => i.documentId) } },
                select: LIST_FIELDS,
                populate: { organization: { select: ['documentId', 'name'] } },
              })
            : []) as any[]
        ).map((row) => [row.documentId, row]),
      );
      const items = pageItems.map((item) => {
        const app = full.get(item.documentId) ?? {};
        return {
          ...item,
          applicantName: app.applicantName,
          applicantType: app.applicantType,
          channel: app.channel,
          organization: app.organization
            ? { documentId: app.organization.documentId, name: app.organization.name }
            : null,
        };
      });
      const year = Number(today.slice(0, 4));
      const coverage = [cal.coverage(year), cal.coverage(year + 1)];
      // The banner: years some due date is provisional for, and this year or next when not known yet.
      const missingYears = [
        ...new Set([...all.flatMap((i) => i.provisionalYears), ...coverage.filter((c) => !c.known).map((c) => c.year)]),
      ].sort((a, b) => a - b);
      return {
        today,
        dueSoonWorkingDays: soon,
        counts: {
          byState,
          open: all.filter((i) => i.state !== 'concluded').length,
          overdue: all.filter((i) => i.urgency === 'overdue').length,
          dueSoon: all.filter((i) => i.urgency === 'dueSoon').length,
        },
        calendar: coverage,
        missingYears,
        items,
        pagination: { page, pageSize, pageCount: Math.ceil(filtered.length / pageSize), total: filtered.length },
      };
    },

    /** One application with its history, replayed status and the events its state allows. */
    async detail(documentId: string) {
      const app = (await db(strapi, APPLICATION_UID).findOne({
        where: { documentId },
        select: DETAIL_FIELDS,
        populate: { organization: { select: ['documentId', 'name'] } },
      })) as any;
      if (!app) throw new errors.NotFoundError(`No application with documentId "${documentId}"`);
      const today = todayInChina();
      const cal = await calendar();
      const rows = (await eventsOf(strapi, [documentId])).get(documentId) ?? [];
      const { status, problem } = deriveStatus(app, rows, cal, today, dueSoonWorkingDays());
      const history = { receivedOn: isoDateOf(app.receivedOn)!, events: rows.map(toClockEvent) };
      const open = status !== null && status.state !== 'concluded';
      const guarded = (fn: () => EventType[]) => {
        try {
          return fn();
        } catch (error) {
          if (error instanceof ClockError) return [];
          throw error;
        }
      };
      return {
        today,
        dueSoonWorkingDays: dueSoonWorkingDays(),
        application: {
          ...omitId(app),
          receivedOn: isoDateOf(app.receivedOn),
          concludedOn: isoDateOf(app.concludedOn),
          outcome: outcomeView(app.outcome),
          organization: app.organization
            ? { documentId: app.organization.documentId, name: app.organization.name }
            : null,
        },
        status: status && { ...status, outcome: outcomeView(status.outcome) },
        problem,
        events: rows.map(eventView),
        /** The buttons: what the state allows. */
        allowedEvents: open ? guarded(() => allowedEvents(history)) : [],
        /** Of those, what today's date still allows (deadlines): the others need an earlier date. */
        allowedToday: open ? guarded(() => allowedEvents(history, { calendar: cal, today })) : [],
        outcomes: concludeOutcomes(rows),
      };
    },

    /**
     * Records one event: checked by the clock against the replayed history, then written with the application's new
     * state in one transaction, so a refusal or a failure leaves both as they were.
     */
    async recordEvent(
      documentId: string,
      body: unknown,
      user: { id: number; firstname?: string; lastname?: string; username?: string; email?: string },
    ) {
      const today = todayInChina();
      const { input, problems } = readEventInput(body, today);
      if (!input) {
        refuse(
          problems.map((p) => ({ path: [p.field], message: `${p.messages.zh} / ${p.messages.en}` })),
          { field: problems[0]?.field },
        );
      }
      const cal = await calendar();
      const byName = userName(user);

      await asWorkflow(() =>
        strapi.db.transaction(async () => {
          const app = (await db(strapi, APPLICATION_UID).findOne({
            where: { documentId },
            select: ['documentId', 'receivedOn', 'state', 'concludedOn', 'outcome'],
          })) as any;
          if (!app) throw new errors.NotFoundError(`No application with documentId "${documentId}"`);
          const rows = (await eventsOf(strapi, [documentId])).get(documentId) ?? [];
          const concludedOn = isoDateOf(app.concludedOn);
          if (rows.length === 0 && concludedOn) {
            refuse(
              [
                {
                  path: ['type'],
                  message: `申请已于 ${concludedOn} 办结（在内容管理中录入），不能再办理 / The application was concluded on ${concludedOn} (entered in the Content Manager); no event after conclusion`,
                },
              ],
              { code: 'alreadyConcluded', field: 'type' },
            );
          }
          const history = { receivedOn: isoDateOf(app.receivedOn)!, events: rows.map(toClockEvent) };
          const event = {
            ...input.payload,
            type: input.type,
            on: input.on,
            by: whoLabel({ byId: user.id, byName }),
            ...(input.note ? { note: input.note } : {}),
          } as unknown as ApplicationEvent;
          let before;
          let after;
          try {
            before = replay(history.receivedOn, history.events, cal);
            const next = applyEvent(history, event, cal);
            after = replay(next.receivedOn, next.events, cal);
          } catch (error) {
            if (error instanceof ClockError) refuseClock(error);
            throw error;
          }
          try {
            await strapi.documents(EVENT_UID as any).create({
              data: {
                applicationDocumentId: documentId,
                sequence: rows.length,
                eventType: input.type,
                occurredOn: input.on,
                fromState: before.state,
                toState: after.state,
                byId: user.id,
                byName,
                note: input.note ?? null,
                payload: input.payload,
              },
            } as any);
          } catch (error) {
            if (!isUniqueViolation(error)) throw error;
            throw new errors.ApplicationError(
              '另一位经办人刚刚办理了该申请，请刷新后重试 / Another event was recorded on this application at the same moment: reload it and try again',
            );
          }
          await strapi.documents(APPLICATION_UID as any).update({
            documentId,
            data: { state: after.state, concludedOn: after.concludedOn, outcome: after.outcome },
          } as any);
        }),
      );
      return this.detail(documentId);
    },
  };
};

/** The content type's choices, so the filing form and the schema cannot disagree. */
function filingEnums(strapi: Strapi): FilingEnums {
  const attributes = (strapi.contentType(APPLICATION_UID as any) as any).attributes as Record<
    string,
    { enum?: string[] }
  >;
  const values = (name: string) => attributes[name]?.enum ?? [];
  return {
    applicantType: values('applicantType'),
    idType: values('idType'),
    preferredForm: values('preferredForm'),
    deliveryMethod: values('deliveryMethod'),
  };
}

/**
 * What the public is told about a due date counted over a year whose holiday schedule is not known yet: that it is
 * provisional, which year(s), and why (in both languages, like the other public answers).
 */
export function provisionalView(years: readonly number[]) {
  if (years.length === 0) return { dueOnProvisional: false as const, provisionalYears: [], provisionalReason: null };
  const list = years.join('、');
  return {
    dueOnProvisional: true as const,
    provisionalYears: [...years],
    provisionalReason: {
      zh: `${list}年的法定节假日安排尚未确认完整，答复期限暂按周末计算，确认后可能调整`,
      en: `The official holiday schedule of ${years.join(', ')} is not confirmed yet: the due date is counted with weekends only and may change once it is`,
    },
  };
}

/** Unknown number and wrong code get this same answer, so the check cannot tell which numbers exist. */
export const STATUS_NOT_FOUND =
  'No application matches this tracking number and query code. 未找到与该申请编号和查询码相符的申请。';

const onlineApplications = ({ strapi }: { strapi: Strapi }) => ({
  /** Files an online application received today; answers the tracking number and the query code (shown once). */
  async file(body: unknown) {
    const data = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).data : undefined;
    const { filing, problems } = validateFiling(data, filingEnums(strapi));
    if (!filing) refuse(problems);
    const organization = await db(strapi, ORGANIZATION_UID).findOne({
      where: { documentId: filing.organization },
      select: ['id'],
    });
    if (!organization) {
      refuse([
        {
          path: ['organization'],
          message: `organization "${filing.organization}" is not the documentId of an organization (受理机关不存在)`,
        },
      ]);
    }
    const receivedOn = todayInChina();
    const queryCode = newQueryCode();
    const queryCodeHash = await hashQueryCode(queryCode);
    // No look-up first: the unique index on trackingNumber decides, on every instance at once; a number drawn twice
    // (29^6 ≈ 6·10^8 numbers a day) is drawn again.
    let trackingNumber = newTrackingNumber(receivedOn);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await strapi.documents(APPLICATION_UID as any).create({
          data: { ...filing, trackingNumber, receivedOn, channel: 'online', state: 'received', queryCodeHash },
        } as any);
        break;
      } catch (error) {
        if (attempt >= 5 || !trackingNumberTaken(error)) throw error;
        trackingNumber = newTrackingNumber(receivedOn);
      }
    }
    const cal = (await service(strapi, SERVICES.workingCalendar).load()) as WorkingCalendar;
    const status = replay(receivedOn, [], cal);
    return { trackingNumber, queryCode, receivedOn, dueOn: status.dueOn, ...provisionalView(status.provisionalYears) };
  },

  /** The state of one application, for whoever holds its tracking number and query code; nothing personal. */
  async status(body: unknown) {
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    for (const field of ['trackingNumber', 'queryCode'] as const) {
      const value = raw[field];
      if (typeof value !== 'string' || value.trim() === '' || value.length > 64) {
        problems.push({
          path: [field],
          message: `${field} is required (text, at most 64 characters) (请填写${field === 'trackingNumber' ? '申请编号' : '查询码'})`,
        });
      }
    }
    if (problems.length) refuse(problems);
    const app = (await db(strapi, APPLICATION_UID).findOne({
      where: { trackingNumber: normalizeTrackingNumber(raw.trackingNumber as string) },
      select: ['documentId', 'trackingNumber', 'receivedOn', 'state', 'concludedOn', 'outcome', 'queryCodeHash'],
    })) as any;
    const matches = await verifyQueryCode(raw.queryCode as string, app?.queryCodeHash ?? null);
    if (!app || !matches) throw new errors.NotFoundError(STATUS_NOT_FOUND);
    const rows = (await eventsOf(strapi, [app.documentId])).get(app.documentId) ?? [];
    const cal = (await service(strapi, SERVICES.workingCalendar).load()) as WorkingCalendar;
    const { status } = deriveStatus(app, rows, cal, todayInChina(), 0);
    const state = (status?.state ?? app.state) as ApplicationState;
    const outcome = status ? status.outcome : app.outcome;
    return {
      trackingNumber: app.trackingNumber as string,
      state,
      stateLabel: STATE_LABELS[state] ?? state,
      receivedOn: isoDateOf(app.receivedOn) as IsoDate,
      // For a concluded application this is the last due date: whether the reply came in time is public knowledge.
      dueOn: status?.dueOn ?? null,
      ...provisionalView(status?.provisionalYears ?? []),
      concludedOn: status ? status.concludedOn : isoDateOf(app.concludedOn),
      outcome: outcomeView(outcome),
    };
  },
});

export default {
  [SERVICES.applications]: applications,
  [SERVICES.onlineApplications]: onlineApplications,
  [SERVICES.workingCalendar]: workingCalendar,
};
