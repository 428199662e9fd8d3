/**
 * The calendar year flow (issue 9.5): chinese-days 1.5.7 ends with 2026, so a due date counted into 2027 is provisional
 * (weekends only, plus the days entered) until the disclosure officer enters 2027's holidays and 调休 workdays and marks
 * the year complete with the notice it comes from. Through the admin Content Manager, the officer's applications API,
 * and the public filing and status answers. The 2027 schedule below is illustrative: the real notice is not out yet.
 */
process.env.APPLICATION_FILING_RATE_LIMIT_MAX = '1000';
process.env.APPLICATION_STATUS_RATE_LIMIT_MAX = '1000';

import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, residentId } from '../helpers/records';
import { createCalendar } from '../../src/plugins/disclosure/server/src/clock';
import { hashQueryCode } from '../../src/plugins/disclosure/server/src/applications/secrets';

const CM = '/content-manager/collection-types';
const YEAR = 'plugin::disclosure.calendar-year';
const DAY = 'plugin::disclosure.calendar-day';

let strapi: any;
let officer: { token: string };
let org: any;

const bearer = () => ({ Authorization: `Bearer ${officer.token}` });
const todayInChina = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const paths = (res: any): string[] =>
  (res.body.error?.details?.errors ?? []).map((e: any) => (Array.isArray(e.path) ? e.path.join('.') : String(e.path)));

const enterDay = (data: Record<string, unknown>) => http().post(`${CM}/${DAY}`).set(bearer()).send(data);
const createYear = (data: Record<string, unknown>) => http().post(`${CM}/${YEAR}`).set(bearer()).send(data);
const updateYear = (documentId: string, data: Record<string, unknown>) =>
  http().put(`${CM}/${YEAR}/${documentId}`).set(bearer()).send(data);
const detail = (documentId: string) => http().get(`/disclosure/applications/${documentId}`).set(bearer());
const worklist = () => http().get('/disclosure/applications').set(bearer());
const status = (trackingNumber: string, queryCode: string) =>
  http().post('/api/disclosure/applications/status').send({ trackingNumber, queryCode });

// Illustrative 2027: 元旦 Fri 1 January off; 春节 Sat 6 – Sun 14 February off; Sun 31 January and Sat 20 February worked.
const DAYS_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => ({
    date: `2027-02-${d}`,
    kind: 'holiday',
    name: '春节',
  })),
  { date: '2027-01-31', kind: 'workday', name: '春节' },
  { date: '2027-02-20', kind: 'workday', name: '春节' },
];

/** An application with a known query code, received on a fixed day, so its due date can be pinned. */
async function applicationWithCode(receivedOn: string) {
  const queryCode = 'ABCD-EFGH-JKLM';
  const app = await createApplication(strapi, org.documentId, {
    receivedOn,
    queryCodeHash: await hashQueryCode(queryCode),
  });
  return { app, queryCode };
}

beforeAll(async () => {
  strapi = await setupStrapi();
  officer = await adminToken('disclosure-officer');
  org = await createOrganization(strapi);
});
afterAll(teardownStrapi);

describe('a calendar year is data the officer edits, with rules on every path', () => {
  test('the officer may not mark a year complete without its notice, nor before entering any holiday of it', async () => {
    const noNotice = await createYear({ year: 2030, complete: true });
    expect(noNotice.status).toBe(400);
    expect(paths(noNotice)).toEqual(expect.arrayContaining(['sourceNotice', 'complete']));
    const blank = await createYear({ year: 2030, complete: true, sourceNotice: '   ' });
    expect(paths(blank)).toContain('sourceNotice');
    await expect(
      strapi.documents(YEAR).create({ data: { year: 2030, complete: true, sourceNotice: '国办发明电〔2029〕1号' } }),
    ).rejects.toThrow(/尚未录入任何放假日期/);
    expect(await strapi.db.query(YEAR).count({ where: { year: 2030 } })).toBe(0);
  });

  test('only the officer edits calendar years: the content editor and the auditor are refused, the public sees none', async () => {
    for (const role of ['content-editor', 'auditor']) {
      const { token } = await adminToken(role);
      const res = await http()
        .post(`${CM}/${YEAR}`)
        .set({ Authorization: `Bearer ${token}` })
        .send({ year: 2033 });
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    expect(await strapi.db.query(YEAR).count({ where: { year: 2033 } })).toBe(0);
    expect((await http().get('/api/calendar-years')).status).toBe(404);
  });

  test('a year outside 2000–2100 or given twice is refused, naming year', async () => {
    const bad = await createYear({ year: 1999 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toContain('year');
    expect((await createYear({ year: 2031 })).status).toBeLessThan(300);
    const twice = await createYear({ year: 2031 });
    expect(twice.status).toBe(400);
    expect(paths(twice)).toContain('year');
    expect(await strapi.db.query(YEAR).count({ where: { year: 2031 } })).toBe(1);
  });

  test('who completed the year and when are written by the server, and cleared when it is reopened', async () => {
    expect((await enterDay({ date: '2032-01-01', kind: 'holiday', name: '元旦' })).status).toBeLessThan(300);
    const draft = await createYear({
      year: 2032,
      completedBy: 'someone else',
      completedAt: '2000-01-01T00:00:00.000Z',
    });
    expect(draft.status).toBeLessThan(300);
    const id = draft.body.data.documentId;
    expect(draft.body.data).toMatchObject({ complete: false, completedBy: null, completedAt: null });
    const done = await updateYear(id, {
      complete: true,
      sourceNotice: ' 国办发明电〔2031〕7号 ',
      completedBy: 'forged',
    });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ complete: true, sourceNotice: '国办发明电〔2031〕7号' });
    expect(done.body.data.completedBy).not.toBe('forged');
    expect(done.body.data.completedBy).toBeTruthy();
    expect(Date.now() - new Date(done.body.data.completedAt).getTime()).toBeLessThan(60_000);
    // Emptying the notice of a complete year is refused; reopening clears who and when.
    const emptied = await updateYear(id, { sourceNotice: '' });
    expect(emptied.status).toBe(400);
    expect(paths(emptied)).toContain('sourceNotice');
    const reopened = await updateYear(id, { complete: false });
    expect(reopened.body.data).toMatchObject({ complete: false, completedBy: null, completedAt: null });
  });
});

describe('due dates over 2027: provisional until the officer completes 2027, then official', () => {
  test('pinned dates in the admin and the public answers, on the day 2027 is completed', async () => {
    // Received Monday 16 November 2026, extended by 20 working days on the 17th: 40 working days, into January 2027.
    const { app, queryCode } = await applicationWithCode('2026-11-16');
    const extended = await http()
      .post(`/disclosure/applications/${app.documentId}/events`)
      .set(bearer())
      .send({ type: 'extend', on: '2026-11-17', days: 20, approver: '王主任' });
    expect(extended.status).toBe(201);

    // Before: weekends only in 2027, Monday 11 January, marked provisional everywhere.
    const before = await detail(app.documentId);
    expect(before.body.data.status).toMatchObject({
      dueOn: '2027-01-11',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });
    const publicBefore = await status(app.trackingNumber, queryCode);
    expect(publicBefore.status).toBe(200);
    expect(publicBefore.body.data).toMatchObject({
      dueOn: '2027-01-11',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });
    expect(publicBefore.body.data.provisionalReason.zh).toContain('2027年');
    expect(publicBefore.body.data.provisionalReason.en).toContain('2027');
    const listBefore = (await worklist()).body.data;
    expect(listBefore.missingYears).toContain(2027);
    expect(listBefore.items.find((i: any) => i.documentId === app.documentId)).toMatchObject({
      dueOn: '2027-01-11',
      dueOnProvisional: true,
    });

    // The officer enters 2027's days in the Content Manager; the year is not known yet.
    for (const day of DAYS_2027) expect((await enterDay(day)).status).toBeLessThan(300);
    const entered = await detail(app.documentId);
    // 元旦 off (+1), Sunday 31 January worked but after the date: Tuesday 12 January, still provisional.
    expect(entered.body.data.status).toMatchObject({
      dueOn: '2027-01-12',
      dueOnProvisional: true,
      provisionalYears: [2027],
    });

    // Marks 2027 complete with its notice: the same application's answers are official now (due dates are replayed
    // from the history on every read, never stored, so nothing is left to recompute).
    const year = await createYear({ year: 2027, complete: true, sourceNotice: '国办发明电〔2026〕N号' });
    expect(year.status).toBeLessThan(300);
    const after = await detail(app.documentId);
    expect(after.body.data.status).toMatchObject({
      dueOn: '2027-01-12',
      dueOnProvisional: false,
      provisionalYears: [],
    });
    const publicAfter = await status(app.trackingNumber, queryCode);
    expect(publicAfter.body.data).toMatchObject({
      dueOn: '2027-01-12',
      dueOnProvisional: false,
      provisionalYears: [],
      provisionalReason: null,
    });
    const listAfter = (await worklist()).body.data;
    expect(listAfter.missingYears).not.toContain(2027);
    expect(listAfter.calendar.find((c: any) => c.year === 2027) ?? { known: true }).toMatchObject({ known: true });

    // Reopening the year (a correction of the schedule is coming) makes it provisional again.
    await updateYear(year.body.data.documentId, { complete: false });
    expect((await detail(app.documentId)).body.data.status).toMatchObject({
      dueOn: '2027-01-12',
      dueOnProvisional: true,
    });
    await updateYear(year.body.data.documentId, { complete: true, sourceNotice: '国办发明电〔2026〕N号' });
  });

  test('an application received across Spring Festival gets the official date once 2027 is complete', async () => {
    // Only the pure clock can date a receipt in 2027 today; the stored calendar is the one the server loads.
    const calendar = await strapi.plugin('disclosure').service('working-calendar').load();
    expect(calendar.coverage(2027)).toMatchObject({
      known: true,
      markedComplete: true,
      holidays: 10,
      makeUpWorkdays: 2,
    });
    expect(calendar.addWorkingDays('2027-01-20', 20)).toBe('2027-02-22');
    expect(createCalendar().addWorkingDays('2027-01-20', 20)).toBe('2027-02-17');
  });

  test('the filing answer says whether its due date is provisional', async () => {
    const res = await http()
      .post('/api/disclosure/applications')
      .send({
        data: {
          organization: org.documentId,
          applicantType: 'naturalPerson',
          applicantName: '李四',
          idType: 'residentId',
          idNumber: residentId(),
          phone: '0396-7654321',
          requestedInformation: '请公开某项目的中标结果公告',
          preferredForm: 'electronic',
          deliveryMethod: 'email',
          email: 'lisi@example.test',
        },
      });
    expect(res.status).toBe(201);
    const today = todayInChina();
    // 2027 is complete in this database by now; 2028 is not: the answer is official unless it reaches 2028.
    const expected = createCalendar({
      overrides: DAYS_2027.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday' })),
      knownYears: [2027],
    });
    const dueOn = expected.addWorkingDays(today, 20);
    expect(res.body.data.dueOn).toBe(dueOn);
    const years = expected.unknownYearsIn(today, dueOn);
    expect(res.body.data).toMatchObject({ dueOnProvisional: years.length > 0, provisionalYears: years });
    expect(res.body.data.receivedOn).toBe(today);
  });
});
