/**
 * The officer's side of applications (依申请公开) through the admin API: every transition allowed or refused from every
 * state, the audit trail complete and immutable, the worklist and its calendar, and who may see any of it.
 * Dates are hand-computed from the 2025 official calendar (清明 4 April, 劳动节 1–5 May with Sunday 27 April worked).
 */
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization } from '../helpers/records';
import { addDays, createCalendar, PACKAGE_YEARS } from '../../src/plugins/disclosure/server/src/clock';

const APP = 'api::disclosure-application.disclosure-application';
const EVENT = 'plugin::disclosure.application-event';
const CALENDAR_DAY = 'plugin::disclosure.calendar-day';

type State = 'received' | 'correctionRequested' | 'consulting' | 'extended' | 'concluded';
type EventType =
  | 'requestCorrection'
  | 'receiveCorrection'
  | 'correctionExpired'
  | 'startConsultation'
  | 'endConsultation'
  | 'extend'
  | 'conclude'
  | 'withdraw';
type Body = Record<string, unknown>;

let strapi: any;
let officer: { token: string; user: any };
let org: any;

const todayInChina = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const postEvent = (documentId: string, body: Body, token = officer.token) =>
  http().post(`/disclosure/applications/${documentId}/events`).set(bearer(token)).send(body);
const getDetail = (documentId: string, token = officer.token) =>
  http().get(`/disclosure/applications/${documentId}`).set(bearer(token));
const getWorklist = (query = '', token = officer.token) =>
  http().get(`/disclosure/applications${query}`).set(bearer(token));

const storedEvents = (documentId: string) =>
  strapi.db.query(EVENT).findMany({ where: { applicationDocumentId: documentId }, orderBy: { sequence: 'asc' } });
const storedApplication = (documentId: string) =>
  strapi.db.query(APP).findOne({ where: { documentId }, select: ['state', 'concludedOn', 'outcome', 'receivedOn'] });

beforeAll(async () => {
  strapi = await setupStrapi();
  officer = await adminToken('disclosure-officer');
  org = await createOrganization(strapi);
});
afterAll(teardownStrapi);

// ---- Every event type from every state --------------------------------------------------------------------------

const RECEIVED_ON = '2025-03-03'; // a Monday; due 2025-03-31 without events
const SETUP: Record<State, Body[]> = {
  received: [],
  correctionRequested: [{ type: 'requestCorrection', on: '2025-03-04' }],
  consulting: [{ type: 'startConsultation', on: '2025-03-04', party: 'thirdParty' }],
  extended: [{ type: 'extend', on: '2025-03-04', days: 10, approver: '王主任' }],
  concluded: [{ type: 'conclude', on: '2025-03-04', outcome: 'granted' }],
};
const SAMPLE: Record<EventType, Body> = {
  requestCorrection: { type: 'requestCorrection', on: '2025-03-05', note: '请补充项目名称' },
  receiveCorrection: { type: 'receiveCorrection', on: '2025-03-05' },
  correctionExpired: { type: 'correctionExpired', on: '2025-03-05' },
  startConsultation: { type: 'startConsultation', on: '2025-03-05', party: 'otherAgency' },
  endConsultation: { type: 'endConsultation', on: '2025-03-05' },
  extend: { type: 'extend', on: '2025-03-05', days: 5, approver: '李主任' },
  conclude: { type: 'conclude', on: '2025-03-05', outcome: 'partiallyGranted' },
  withdraw: { type: 'withdraw', on: '2025-03-05', note: '申请人来电撤回' },
};

/** The state machine of 条例 第三十条–第三十三条, written out: from each state, each event leads to … or is refused with …. */
const TRANSITIONS: Record<State, Record<EventType, { to: State; outcome?: string } | { refused: string }>> = {
  received: {
    requestCorrection: { to: 'correctionRequested' },
    receiveCorrection: { refused: 'notAllowedInState' },
    correctionExpired: { refused: 'notAllowedInState' },
    startConsultation: { to: 'consulting' },
    endConsultation: { refused: 'consultationNotStarted' },
    extend: { to: 'extended' },
    conclude: { to: 'concluded', outcome: 'partiallyGranted' },
    withdraw: { to: 'concluded', outcome: 'otherDisposal.other' },
  },
  correctionRequested: {
    requestCorrection: { refused: 'correctionAlreadyRequested' },
    receiveCorrection: { to: 'received' },
    correctionExpired: { to: 'concluded', outcome: 'otherDisposal.noCorrection' },
    startConsultation: { refused: 'notAllowedInState' },
    endConsultation: { refused: 'consultationNotStarted' },
    extend: { refused: 'notAllowedInState' },
    conclude: { refused: 'notAllowedInState' },
    withdraw: { to: 'concluded', outcome: 'otherDisposal.other' },
  },
  consulting: {
    requestCorrection: { refused: 'correctionNotFirst' },
    receiveCorrection: { refused: 'notAllowedInState' },
    correctionExpired: { refused: 'notAllowedInState' },
    startConsultation: { refused: 'alreadyConsulting' },
    endConsultation: { to: 'received' },
    extend: { refused: 'notAllowedInState' },
    conclude: { refused: 'notAllowedInState' },
    withdraw: { to: 'concluded', outcome: 'otherDisposal.other' },
  },
  extended: {
    requestCorrection: { refused: 'correctionNotFirst' },
    receiveCorrection: { refused: 'notAllowedInState' },
    correctionExpired: { refused: 'notAllowedInState' },
    startConsultation: { to: 'consulting' },
    endConsultation: { refused: 'consultationNotStarted' },
    extend: { refused: 'alreadyExtended' },
    conclude: { to: 'concluded', outcome: 'partiallyGranted' },
    withdraw: { to: 'concluded', outcome: 'otherDisposal.other' },
  },
  concluded: Object.fromEntries(Object.keys(SAMPLE).map((type) => [type, { refused: 'alreadyConcluded' }])) as Record<
    EventType,
    { refused: string }
  >,
};

async function applicationIn(state: State, receivedOn = RECEIVED_ON, organization = org.documentId) {
  const app = await createApplication(strapi, organization, { receivedOn });
  for (const body of SETUP[state]) {
    const res = await postEvent(app.documentId, body);
    expect(res.status).toBe(201);
  }
  const detail = await getDetail(app.documentId);
  expect(detail.body.data.status.state).toBe(state);
  return app;
}

const cases = (Object.keys(TRANSITIONS) as State[]).flatMap((from) =>
  (Object.keys(SAMPLE) as EventType[]).map((type) => ({ from, type, expected: TRANSITIONS[from][type] })),
);

describe('transitions through the admin API', () => {
  test.each(cases.filter((c) => 'to' in c.expected))('$from + $type is recorded', async ({ from, type, expected }) => {
    const { to, outcome } = expected as { to: State; outcome?: string };
    const app = await applicationIn(from);
    const before = await getDetail(app.documentId);
    expect(before.body.data.allowedEvents).toContain(type);

    const res = await postEvent(app.documentId, SAMPLE[type]);
    expect(res.status).toBe(201);
    expect(res.body.data.status.state).toBe(to);
    const last = res.body.data.events.at(-1);
    expect(last).toMatchObject({
      type,
      on: '2025-03-05',
      fromState: from,
      toState: to,
      sequence: SETUP[from].length,
      by: { id: officer.user.id, name: 'disclosure-officer Test' },
      note: (SAMPLE[type].note as string | undefined) ?? null,
    });
    expect(last.recordedAt).toBeTruthy();

    const stored = await storedApplication(app.documentId);
    expect(stored.state).toBe(to);
    if (to === 'concluded') {
      expect(stored).toMatchObject({ concludedOn: '2025-03-05', outcome });
      expect(res.body.data.status.outcome.code).toBe(outcome);
      expect(res.body.data.allowedEvents).toEqual([]);
    } else {
      expect(stored).toMatchObject({ concludedOn: null, outcome: null });
    }
  });

  test.each(cases.filter((c) => 'refused' in c.expected))(
    '$from + $type is refused',
    async ({ from, type, expected }) => {
      const app = await applicationIn(from);
      const before = await getDetail(app.documentId);
      expect(before.body.data.allowedEvents).not.toContain(type);
      const storedBefore = await storedApplication(app.documentId);

      const res = await postEvent(app.documentId, SAMPLE[type]);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.code).toBe((expected as { refused: string }).refused);
      expect(res.body.error.details.field).toBe('type');
      expect(res.body.error.message.length).toBeGreaterThan(10);

      // Nothing changed: same events, same stored state.
      expect(await storedEvents(app.documentId)).toHaveLength(SETUP[from].length);
      expect(await storedApplication(app.documentId)).toEqual(storedBefore);
    },
  );
});

describe('refusals of dates and payloads name the field and change nothing', () => {
  const refusals: Array<[string, State, Body, string, string]> = [
    ['conclude without outcome', 'received', { type: 'conclude', on: '2025-03-05' }, 'outcome', 'outcomeMissing'],
    [
      'unknown outcome',
      'received',
      { type: 'conclude', on: '2025-03-05', outcome: 'approved' },
      'outcome',
      'outcomeUnknown',
    ],
    [
      'no-correction outcome by hand',
      'received',
      { type: 'conclude', on: '2025-03-05', outcome: 'otherDisposal.noCorrection' },
      'outcome',
      'outcomeNotApplicable',
    ],
    [
      'unclear after correction without a correction',
      'received',
      { type: 'conclude', on: '2025-03-05', outcome: 'unavailable.unclearAfterCorrection' },
      'outcome',
      'outcomeNotApplicable',
    ],
    [
      'extension over 20 days',
      'received',
      { type: 'extend', on: '2025-03-05', days: 21, approver: '王' },
      'days',
      'extensionTooLong',
    ],
    [
      'extension of 0 days',
      'received',
      { type: 'extend', on: '2025-03-05', days: 0, approver: '王' },
      'days',
      'extensionDaysInvalid',
    ],
    [
      'extension without approver',
      'received',
      { type: 'extend', on: '2025-03-05', days: 5 },
      'approver',
      'approverMissing',
    ],
    [
      'consultation of the applicant',
      'received',
      { type: 'startConsultation', on: '2025-03-05', party: 'applicant' },
      'party',
      'partyInvalid',
    ],
    ['event before receipt', 'received', { type: 'withdraw', on: '2025-03-02' }, 'on', 'dateBeforeReceipt'],
    [
      'event before the previous one',
      'extended',
      { type: 'withdraw', on: '2025-03-03' },
      'on',
      'dateBeforePreviousEvent',
    ],
    // Correction notices go out within 7 working days of receipt: by 2025-03-12.
    [
      'correction notice too late',
      'received',
      { type: 'requestCorrection', on: '2025-03-13' },
      'on',
      'correctionTooLate',
    ],
    // Due 2025-03-31: an extension on 1 April comes after the period lapsed.
    [
      'extension after the due date',
      'received',
      { type: 'extend', on: '2025-04-01', days: 5, approver: '王' },
      'on',
      'periodLapsed',
    ],
    [
      'consultation after the due date',
      'received',
      { type: 'startConsultation', on: '2025-04-01', party: 'thirdParty' },
      'on',
      'periodLapsed',
    ],
  ];

  test.each(refusals)('%s', async (_name, state, body, field, code) => {
    const app = await applicationIn(state);
    const storedBefore = await storedApplication(app.documentId);
    const res = await postEvent(app.documentId, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code, field });
    expect(res.body.error.details.errors[0].path).toEqual([field]);
    expect(await storedEvents(app.documentId)).toHaveLength(SETUP[state].length);
    expect(await storedApplication(app.documentId)).toEqual(storedBefore);
  });

  test('an event dated after today, an unknown type and a field of another type are refused by name', async () => {
    const app = await applicationIn('received');
    const tomorrow = addDays(todayInChina(), 1);
    const future = await postEvent(app.documentId, { type: 'withdraw', on: tomorrow });
    expect(future.status).toBe(400);
    expect(future.body.error.details.errors[0].path).toEqual(['on']);
    expect(future.body.error.message).toContain(tomorrow);

    const unknown = await postEvent(app.documentId, { type: 'approve', on: '2025-03-05' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['type']);

    const foreign = await postEvent(app.documentId, { type: 'withdraw', on: '2025-03-05', outcome: 'granted' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details.errors[0].path).toEqual(['outcome']);

    expect(await storedEvents(app.documentId)).toHaveLength(0);
  });

  test('an event left undated is dated today', async () => {
    const app = await createApplication(strapi, org.documentId, { receivedOn: addDays(todayInChina(), -3) });
    const res = await postEvent(app.documentId, { type: 'withdraw' });
    expect(res.status).toBe(201);
    expect(res.body.data.events[0].on).toBe(todayInChina());
  });

  test('two events posted at the same moment: one is recorded, the other refused, the history does not fork', async () => {
    const app = await applicationIn('received');
    const results = await Promise.all([
      postEvent(app.documentId, { type: 'conclude', on: '2025-03-05', outcome: 'granted' }),
      postEvent(app.documentId, { type: 'conclude', on: '2025-03-06', outcome: 'unavailable.notHeld' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    const events = await storedEvents(app.documentId);
    expect(events).toHaveLength(1);
    const stored = await storedApplication(app.documentId);
    expect(stored).toMatchObject({
      state: 'concluded',
      concludedOn: events[0].occurredOn,
      outcome: events[0].payload.outcome,
    });
  });

  test('an unknown application is 404', async () => {
    const res = await postEvent('nosuchdocumentid0000000', { type: 'withdraw', on: '2025-03-05' });
    expect(res.status).toBe(404);
    expect((await getDetail('nosuchdocumentid0000000')).status).toBe(404);
  });
});

// ---- A whole history: due dates replayed, trail complete, trail immutable -----------------------------------------

describe('the audit trail', () => {
  let app: any;
  const HISTORY: Array<{ body: Body; state: State; dueOn: string | null }> = [
    {
      body: { type: 'requestCorrection', on: '2025-03-04', note: '申请内容不明确' },
      state: 'correctionRequested',
      dueOn: null,
    },
    // The clock restarts on the correction: 20 working days after 10 March, 清明 (4 April) off.
    { body: { type: 'receiveCorrection', on: '2025-03-10' }, state: 'received', dueOn: '2025-04-08' },
    { body: { type: 'startConsultation', on: '2025-03-12', party: 'thirdParty' }, state: 'consulting', dueOn: null },
    // Paused 12–18 March: 5 working days.
    {
      body: { type: 'endConsultation', on: '2025-03-19', note: '第三方同意公开' },
      state: 'received',
      dueOn: '2025-04-15',
    },
    // 15 more working days: Sunday 27 April is worked (调休), 1–5 May are off.
    {
      body: { type: 'extend', on: '2025-03-20', days: 15, approver: '张主任' },
      state: 'extended',
      dueOn: '2025-05-08',
    },
    {
      body: { type: 'conclude', on: '2025-04-30', outcome: 'partiallyGranted' },
      state: 'concluded',
      dueOn: '2025-05-08',
    },
  ];

  beforeAll(async () => {
    app = await createApplication(strapi, org.documentId, { receivedOn: RECEIVED_ON });
  });

  test('each step is recorded and the due date is replayed from the history', async () => {
    const first = await getDetail(app.documentId);
    expect(first.body.data.status).toMatchObject({ state: 'received', dueOn: '2025-03-31' });
    for (const step of HISTORY) {
      const res = await postEvent(app.documentId, step.body);
      expect(res.status).toBe(201);
      expect(res.body.data.status.state).toBe(step.state);
      expect(res.body.data.status.dueOn).toBe(step.dueOn);
    }
    const { body } = await getDetail(app.documentId);
    expect(body.data.status).toMatchObject({
      state: 'concluded',
      concludedOn: '2025-04-30',
      extensionDays: 15,
      extendedBy: '张主任',
      pausedWorkingDays: 5,
      clockStartsOn: '2025-03-10',
    });
    expect(body.data.status.outcome).toMatchObject({ code: 'partiallyGranted' });
    expect(body.data.status.outcome.label).toContain('部分公开');
  });

  test('the trail holds who, when, from, to, note and payload of every step, in order', async () => {
    const { body } = await getDetail(app.documentId);
    const events = body.data.events;
    expect(events).toHaveLength(HISTORY.length);
    let from: State = 'received';
    events.forEach((event: any, i: number) => {
      const { type, on, note, ...payload } = HISTORY[i]!.body;
      expect(event).toMatchObject({
        sequence: i,
        type,
        on,
        fromState: from,
        toState: HISTORY[i]!.state,
        by: { id: officer.user.id, name: 'disclosure-officer Test' },
        note: note ?? null,
        payload,
      });
      expect(new Date(event.recordedAt).getTime()).not.toBeNaN();
      from = HISTORY[i]!.state;
    });
    expect(await storedApplication(app.documentId)).toMatchObject({
      state: 'concluded',
      concludedOn: '2025-04-30',
      outcome: 'partiallyGranted',
    });
  });

  test('events cannot be changed, deleted or forged through the Document Service', async () => {
    const snapshot = await storedEvents(app.documentId);
    const documents = strapi.documents(EVENT);
    await expect(documents.update({ documentId: snapshot[1].documentId, data: { note: 'changed' } })).rejects.toThrow(
      /audit trail/,
    );
    await expect(documents.delete({ documentId: snapshot[1].documentId })).rejects.toThrow(/audit trail/);
    await expect(
      documents.create({
        data: {
          applicationDocumentId: app.documentId,
          sequence: 99,
          eventType: 'withdraw',
          occurredOn: '2025-04-30',
          fromState: 'concluded',
          toState: 'concluded',
        },
      }),
    ).rejects.toThrow(/workflow/);
    expect(await storedEvents(app.documentId)).toEqual(snapshot);
  });

  test('events cannot be changed or deleted through the admin API, even by a super admin', async () => {
    const snapshot = await storedEvents(app.documentId);
    const admin = await adminToken('strapi-super-admin');
    const target = snapshot[1].documentId;
    const cm = `/content-manager/collection-types/${EVENT}`;
    // The event type is hidden from the Content Manager: not even a super admin holds a permission on it (403).
    const put = await http()
      .put(`${cm}/${target}`)
      .set(bearer(admin.token))
      .send({ note: 'changed', eventType: 'withdraw' });
    expect(put.status).toBe(403);
    const del = await http().delete(`${cm}/${target}`).set(bearer(admin.token));
    expect(del.status).toBe(403);
    const bulk = await http()
      .post(`${cm}/actions/bulkDelete`)
      .set(bearer(admin.token))
      .send({ documentIds: [target] });
    expect(bulk.status).toBe(403);
    const create = await http().post(cm).set(bearer(admin.token)).send({
      applicationDocumentId: app.documentId,
      sequence: 50,
      eventType: 'withdraw',
      occurredOn: '2025-04-30',
      fromState: 'concluded',
      toState: 'concluded',
    });
    expect(create.status).toBe(403);
    // The plugin has no route to change an event at all.
    const pluginPut = await http()
      .put(`/disclosure/applications/${app.documentId}/events/${target}`)
      .set(bearer(admin.token))
      .send({});
    expect(pluginPut.status).toBe(405);
    expect(await storedEvents(app.documentId)).toEqual(snapshot);
  });

  test('an application with a history keeps the state its history gives it, and cannot be deleted', async () => {
    const documents = strapi.documents(APP);
    await expect(
      documents.update({ documentId: app.documentId, data: { state: 'received', concludedOn: null, outcome: null } }),
    ).rejects.toThrow(/history/);
    await expect(documents.update({ documentId: app.documentId, data: { receivedOn: '2025-03-01' } })).rejects.toThrow(
      /receivedOn/,
    );
    await expect(documents.delete({ documentId: app.documentId })).rejects.toThrow(/history/);
    // Other fields stay editable, and rewriting the same values (as the Content Manager does) is fine.
    await documents.update({
      documentId: app.documentId,
      data: { notes: '已电话告知', state: 'concluded', receivedOn: RECEIVED_ON },
    });

    const cm = `/content-manager/collection-types/${APP}/${app.documentId}`;
    const put = await http().put(cm).set(bearer(officer.token)).send({ outcome: 'granted' });
    expect(put.status).toBe(400);
    expect(put.body.error.details.errors[0].path).toEqual(['outcome']);
    const del = await http().delete(cm).set(bearer(officer.token));
    expect(del.status).toBe(400);
    expect(await storedApplication(app.documentId)).toMatchObject({ state: 'concluded', outcome: 'partiallyGranted' });
  });

  test('a bulk delete that includes an application with a history is refused as a whole: the other applications stay', async () => {
    const withHistory = await applicationIn('consulting');
    const plain: string[] = [];
    for (let i = 0; i < 4; i += 1) plain.push((await createApplication(strapi, org.documentId)).documentId);
    const documentIds = [plain[0]!, plain[1]!, withHistory.documentId, plain[2]!, plain[3]!];
    const res = await http()
      .post(`/CONTENT-MANAGER/collection-types/${APP}/actions/bulkDelete`)
      .set(bearer(officer.token))
      .send({ documentIds });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/history/);
    expect(await strapi.db.query(APP).count({ where: { documentId: { $in: documentIds } } })).toBe(documentIds.length);
  });
});

// ---- Who may see and handle applications ------------------------------------------------------------------------

describe('access', () => {
  test('the content editor and the auditor are refused (403), anonymous callers are unauthorized (401)', async () => {
    const app = await applicationIn('received');
    for (const role of ['content-editor', 'auditor']) {
      const { token } = await adminToken(role);
      expect((await getWorklist('', token)).status).toBe(403);
      expect((await getDetail(app.documentId, token)).status).toBe(403);
      expect((await postEvent(app.documentId, SAMPLE.withdraw, token)).status).toBe(403);
    }
    expect((await http().get('/disclosure/applications')).status).toBe(401);
    expect((await http().post(`/disclosure/applications/${app.documentId}/events`).send(SAMPLE.withdraw)).status).toBe(
      401,
    );
    expect(await storedEvents(app.documentId)).toHaveLength(0);
  });

  test('a super admin sees and handles applications', async () => {
    const app = await applicationIn('received');
    const { token } = await adminToken('strapi-super-admin');
    expect((await getWorklist('', token)).status).toBe(200);
    expect((await postEvent(app.documentId, SAMPLE.withdraw, token)).status).toBe(201);
  });
});

// ---- Calendar and worklist -------------------------------------------------------------------------------------

describe('the working calendar and the worklist', () => {
  const firstUncovered = Math.max(...PACKAGE_YEARS) + 1;

  test('a due date in a year without known schedule is provisional (weekends only); entering one day does not make the year known', async () => {
    // Received Monday 16 November 2026 and extended by 20 days: due in January 2027, a year chinese-days 1.5.7 lacks.
    expect(firstUncovered).toBe(2027);
    const app = await createApplication(strapi, org.documentId, { receivedOn: '2026-11-16' });
    await postEvent(app.documentId, { type: 'extend', on: '2026-11-17', days: 20, approver: '王主任' }).expect(201);

    // 40 working days after 16 November 2026 with weekends only in 2027: Monday 11 January.
    const missing = await getDetail(app.documentId);
    expect(missing.body.data.status).toMatchObject({
      state: 'extended',
      dueOn: '2027-01-11',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });
    expect(missing.body.data.status.urgency).not.toBe('overdue');
    // Nothing is refused as late over a provisional date: a consultation can still start.
    expect(missing.body.data.allowedToday).toEqual(
      expect.arrayContaining(['startConsultation', 'conclude', 'withdraw']),
    );
    const listed = (await getWorklist()).body.data;
    expect(listed.items.find((i: any) => i.documentId === app.documentId)).toMatchObject({
      dueOn: '2027-01-11',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });
    expect(listed.missingYears).toContain(2027);
    expect(listed.calendar.find((c: any) => c.year === 2027) ?? { known: false }).toMatchObject({ known: false });

    // One day of 2027 entered: it counts, but the year is still not known (Spring Festival is not in yet).
    await strapi.documents(CALENDAR_DAY).create({ data: { date: '2027-01-01', kind: 'holiday', name: '元旦' } });
    const entered = await getDetail(app.documentId);
    expect(entered.body.data.status).toMatchObject({
      dueOn: '2027-01-12',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });
    expect((await getWorklist()).body.data.missingYears).toContain(2027);
  });

  test('open applications of an organization, most pressing first, with overdue and due-soon marks and counts per state', async () => {
    const own = await createOrganization(strapi);
    const today = todayInChina();
    const calendar = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday' }] });
    const soon = strapi.plugin('disclosure').config('dueSoonWorkingDays');
    const receivedFor = (workingDaysLeft: number) => {
      // The application whose due date (20 working days after receipt) is that many working days away.
      let received = today;
      while (calendar.workingDaysBetween(today, calendar.addWorkingDays(received, 20)) > workingDaysLeft)
        received = addDays(received, -1);
      return received;
    };
    const overdue = await createApplication(strapi, own.documentId, { receivedOn: '2025-03-03' });
    const dueSoon = await createApplication(strapi, own.documentId, { receivedOn: receivedFor(Math.max(soon - 1, 0)) });
    const onTime = await createApplication(strapi, own.documentId, { receivedOn: receivedFor(soon + 5) });
    const consulting = await applicationIn('consulting', RECEIVED_ON, own.documentId);
    const correction = await applicationIn('correctionRequested', RECEIVED_ON, own.documentId);
    const extended = await applicationIn('extended', RECEIVED_ON, own.documentId);
    await applicationIn('concluded', RECEIVED_ON, own.documentId);
    await createApplication(strapi, org.documentId, { receivedOn: '2025-01-02' }); // another organization

    const res = await getWorklist(`?organization=${own.documentId}`);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.dueSoonWorkingDays).toBe(soon);
    expect(data.counts.byState).toEqual({
      received: 3,
      correctionRequested: 1,
      consulting: 1,
      extended: 1,
      concluded: 1,
    });
    expect(data.counts).toMatchObject({ open: 6, overdue: 2, dueSoon: 1 });
    // Due dates ascending; stopped clocks (no due date) last.
    const order = data.items.map((i: any) => i.documentId);
    expect(order.slice(0, 4)).toEqual([
      overdue.documentId, // due 2025-03-31
      extended.documentId, // due 2025-04-15: 10 more working days, 清明 off
      dueSoon.documentId,
      onTime.documentId,
    ]);
    expect(order.slice(4).sort()).toEqual([correction.documentId, consulting.documentId].sort());
    const byId = Object.fromEntries(data.items.map((i: any) => [i.documentId, i]));
    expect(byId[overdue.documentId]).toMatchObject({ urgency: 'overdue', dueOn: '2025-03-31', state: 'received' });
    expect(byId[extended.documentId]).toMatchObject({ urgency: 'overdue', dueOn: '2025-04-15', state: 'extended' });
    expect(byId[dueSoon.documentId]).toMatchObject({ urgency: 'dueSoon', workingDaysLeft: Math.max(soon - 1, 0) });
    expect(byId[onTime.documentId]).toMatchObject({ urgency: 'onTime', workingDaysLeft: soon + 5 });
    expect(byId[consulting.documentId]).toMatchObject({
      state: 'consulting',
      dueOn: null,
      urgency: null,
      consultingSince: '2025-03-04',
    });
    expect(byId[correction.documentId]).toMatchObject({
      state: 'correctionRequested',
      dueOn: null,
      correctionRequestedOn: '2025-03-04',
    });
    expect(byId[overdue.documentId].organization).toMatchObject({ documentId: own.documentId, name: own.name });
  });

  test('a calendar day is entered once per date', async () => {
    await expect(
      strapi.documents(CALENDAR_DAY).create({ data: { date: '2027-01-01', kind: 'workday' } }),
    ).rejects.toThrow();
  });
});
