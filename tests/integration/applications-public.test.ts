/**
 * The public side of applications: filing online (POST /api/disclosure/applications) and checking the status with the
 * tracking number and query code (POST /api/disclosure/applications/status), as the public role, with no token.
 */
// Generous limits here: applications-ratelimit.test.ts floods them.
process.env.APPLICATION_FILING_RATE_LIMIT_MAX = '1000';
process.env.APPLICATION_STATUS_RATE_LIMIT_MAX = '1000';

import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, creditCode, residentId } from '../helpers/records';
import { createCalendar } from '../../src/plugins/disclosure/server/src/clock';

const APP = 'api::disclosure-application.disclosure-application';

let strapi: any;
let org: any;
let officer: { token: string };

const todayInChina = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

const file = (data: unknown) => http().post('/api/disclosure/applications').send({ data });
const check = (body: unknown) =>
  http()
    .post('/api/disclosure/applications/status')
    .send(body as object);
const countApplications = () => strapi.db.query(APP).count();

const PERSON = () => ({
  organization: org.documentId,
  applicantType: 'naturalPerson',
  applicantName: '张三',
  idType: 'residentId',
  idNumber: residentId(),
  phone: '0396-7654321',
  email: 'zhangsan@example.test',
  address: '驻马店市驿城区某路8号',
  postalCode: '463000',
  requestedInformation: '请公开2024年某道路工程施工招标项目的中标结果公告及评标报告摘要',
  preferredForm: 'electronic',
  deliveryMethod: 'email',
});

/** Every string of a filing that is personal: none may appear in any status answer. */
const personalValues = (data: Record<string, string>) =>
  ['applicantName', 'idNumber', 'phone', 'email', 'address', 'postalCode', 'requestedInformation', 'contactPerson']
    .map((k) => data[k])
    .filter(Boolean);

beforeAll(async () => {
  strapi = await setupStrapi();
  org = await createOrganization(strapi);
  officer = await adminToken('disclosure-officer');
});
afterAll(teardownStrapi);

describe('filing online', () => {
  test('a valid application is stored as received today, online, and answered with its tracking number and query code', async () => {
    const data = PERSON();
    const res = await file(data);
    expect(res.status).toBe(201);
    const { trackingNumber, queryCode, receivedOn, dueOn } = res.body.data;
    expect(Object.keys(res.body.data).sort()).toEqual([
      'dueOn',
      'dueOnProvisional',
      'provisionalReason',
      'provisionalYears',
      'queryCode',
      'receivedOn',
      'trackingNumber',
    ]);
    expect(trackingNumber).toMatch(/^YSQ-\d{8}-[A-Z0-9]{6}$/);
    expect(queryCode.replace(/-/g, '').length).toBeGreaterThanOrEqual(10);
    expect(receivedOn).toBe(todayInChina());
    // Always a date: 20 working days on, with weekends only in a year whose schedule is not known (2027 here), and
    // then marked provisional with the year named.
    const calendar = createCalendar();
    expect(dueOn).toBe(calendar.addWorkingDays(receivedOn, 20));
    const unknown = calendar.unknownYearsIn(receivedOn, dueOn);
    expect(res.body.data).toMatchObject({ dueOnProvisional: unknown.length > 0, provisionalYears: unknown });
    if (unknown.length) expect(res.body.data.provisionalReason.zh).toContain(`${unknown[0]}年`);
    else expect(res.body.data.provisionalReason).toBeNull();

    const stored = await strapi.db.query(APP).findOne({ where: { trackingNumber }, populate: ['organization'] });
    expect(stored).toMatchObject({
      channel: 'online',
      state: 'received',
      receivedOn: todayInChina(),
      concludedOn: null,
      outcome: null,
      applicantName: '张三',
      idNumber: data.idNumber,
      requestedInformation: data.requestedInformation,
      deliveryMethod: 'email',
    });
    expect(stored.organization.documentId).toBe(org.documentId);
    // Only a salted hash of the code is kept.
    expect(stored.queryCodeHash).toMatch(/^scrypt\$/);
    expect(stored.queryCodeHash).not.toContain(queryCode);
    expect(stored.queryCodeHash).not.toContain(queryCode.replace(/-/g, ''));

    // It is on the officer's worklist.
    const worklist = await http()
      .get('/disclosure/applications')
      .set({ Authorization: `Bearer ${officer.token}` });
    const item = worklist.body.data.items.find((i: any) => i.trackingNumber === trackingNumber);
    expect(item).toMatchObject({ state: 'received', channel: 'online', receivedOn: todayInChina(), dueOn });
  });

  test('two filings get different tracking numbers and codes', async () => {
    const a = await file(PERSON());
    const b = await file(PERSON());
    expect(a.body.data.trackingNumber).not.toBe(b.body.data.trackingNumber);
    expect(a.body.data.queryCode).not.toBe(b.body.data.queryCode);
  });

  test('an organization applies with its credit code and a contact person', async () => {
    const res = await file({
      ...PERSON(),
      applicantType: 'commercialEnterprise',
      applicantName: '某建设工程有限公司',
      idType: 'creditCode',
      idNumber: creditCode(),
      contactPerson: '李四',
      preferredForm: 'paper',
      deliveryMethod: 'post',
    });
    expect(res.status).toBe(201);
  });

  const invalid: Array<[string, (d: Record<string, unknown>) => void, string]> = [
    ['no applicant name', (d) => delete d.applicantName, 'applicantName'],
    ['blank applicant name', (d) => (d.applicantName = '   '), 'applicantName'],
    ['unknown applicant type', (d) => (d.applicantType = 'alien'), 'applicantType'],
    ['no identity document type', (d) => delete d.idType, 'idType'],
    ['no identity number', (d) => delete d.idNumber, 'idNumber'],
    ['resident ID with a wrong check digit', (d) => (d.idNumber = '411700199001011030'), 'idNumber'],
    ['a credit code for a person', (d) => (d.idType = 'creditCode'), 'idType'],
    ['no phone', (d) => delete d.phone, 'phone'],
    ['a phone with letters', (d) => (d.phone = 'call me'), 'phone'],
    ['an e-mail without @', (d) => (d.email = 'zhangsan.example.test'), 'email'],
    ['delivery by e-mail without an e-mail address', (d) => delete d.email, 'email'],
    ['delivery by post without address', (d) => ((d.deliveryMethod = 'post'), delete d.address), 'address'],
    ['a postal code of 5 digits', (d) => (d.postalCode = '46300'), 'postalCode'],
    ['no description of the information', (d) => delete d.requestedInformation, 'requestedInformation'],
    ['a description too short to act on', (d) => (d.requestedInformation = '文件'), 'requestedInformation'],
    ['a description over 5000 characters', (d) => (d.requestedInformation = '字'.repeat(5001)), 'requestedInformation'],
    ['no preferred form', (d) => delete d.preferredForm, 'preferredForm'],
    ['an unknown delivery method', (d) => (d.deliveryMethod = 'pigeon'), 'deliveryMethod'],
    ['no organization', (d) => delete d.organization, 'organization'],
    ['an organization that does not exist', (d) => (d.organization = 'nosuchorganization000000'), 'organization'],
    ['a name given as a number', (d) => (d.applicantName = 42), 'applicantName'],
    ['a state set by the applicant', (d) => (d.state = 'concluded'), 'state'],
    ['an outcome set by the applicant', (d) => (d.outcome = 'granted'), 'outcome'],
    ['a receipt date set by the applicant', (d) => (d.receivedOn = '2020-01-01'), 'receivedOn'],
    ['a query code hash set by the applicant', (d) => (d.queryCodeHash = 'scrypt$1$1$1$a$b'), 'queryCodeHash'],
  ];

  test.each(invalid)('refused: %s (400 naming the field, nothing stored)', async (_name, spoil, field) => {
    const data: Record<string, unknown> = PERSON();
    spoil(data);
    const before = await countApplications();
    const res = await file(data);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const paths = res.body.error.details.errors.map((e: any) => e.path.join('.'));
    expect(paths).toEqual([field]);
    expect(res.body.error.message).toContain(field);
    expect(await countApplications()).toBe(before);
  });

  test('every problem of a filing is listed at once', async () => {
    const res = await file({ applicantType: 'naturalPerson', phone: 'x', preferredForm: 'electronic' });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.errors.map((e: any) => e.path[0]).sort();
    expect(paths).toEqual(
      ['applicantName', 'deliveryMethod', 'idNumber', 'idType', 'organization', 'phone', 'requestedInformation'].sort(),
    );
  });

  test('a body without data is refused', async () => {
    const res = await http().post('/api/disclosure/applications').send(PERSON());
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['data']);
  });
});

describe('status check', () => {
  let filed: {
    trackingNumber: string;
    queryCode: string;
    receivedOn: string;
    dueOn: string;
    dueOnProvisional: boolean;
    provisionalYears: number[];
    provisionalReason: { zh: string; en: string } | null;
  };
  let data: Record<string, string>;

  beforeAll(async () => {
    data = PERSON();
    filed = (await file(data)).body.data;
  });

  test('the right code answers state, dates and outcome, and nothing else', async () => {
    const res = await check({ trackingNumber: filed.trackingNumber, queryCode: filed.queryCode });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      trackingNumber: filed.trackingNumber,
      state: 'received',
      stateLabel: '办理中',
      receivedOn: filed.receivedOn,
      dueOn: filed.dueOn,
      dueOnProvisional: filed.dueOnProvisional,
      provisionalYears: filed.provisionalYears,
      provisionalReason: filed.provisionalReason,
      concludedOn: null,
      outcome: null,
    });
    expect(typeof filed.dueOn).toBe('string');
    // Codes are read from paper: case, spaces and hyphens do not matter.
    const typed = await check({
      trackingNumber: filed.trackingNumber.toLowerCase(),
      queryCode: ` ${filed.queryCode.replace(/-/g, ' ').toLowerCase()} `,
    });
    expect(typed.status).toBe(200);
  });

  test('after the officer concludes, the outcome shows with its code and label', async () => {
    const stored = await strapi.db.query(APP).findOne({ where: { trackingNumber: filed.trackingNumber } });
    const concluded = await http()
      .post(`/disclosure/applications/${stored.documentId}/events`)
      .set({ Authorization: `Bearer ${officer.token}` })
      .send({ type: 'conclude', outcome: 'withheld.thirdPartyRights' });
    expect(concluded.status).toBe(201);
    const res = await check({ trackingNumber: filed.trackingNumber, queryCode: filed.queryCode });
    expect(res.body.data).toMatchObject({
      state: 'concluded',
      concludedOn: todayInChina(),
      outcome: { code: 'withheld.thirdPartyRights', label: '（三）不予公开 4.保护第三方合法权益' },
    });
    expect(res.body.data.outcome.labelEn).toBeTruthy();
  });

  test('a wrong code, an unknown number and an application filed on paper get the same 404', async () => {
    const paper = await createApplication(strapi, org.documentId, { channel: 'letter', trackingNumber: 'PAPER-0001' });
    expect(paper.queryCodeHash ?? null).toBeNull();
    const wrongCode = await check({ trackingNumber: filed.trackingNumber, queryCode: 'AAAA-BBBB-CCCC' });
    const unknown = await check({ trackingNumber: 'YSQ-20990101-ZZZZZZ', queryCode: filed.queryCode });
    const noCode = await check({ trackingNumber: 'PAPER-0001', queryCode: 'AAAA-BBBB-CCCC' });
    for (const res of [wrongCode, unknown, noCode]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(wrongCode.body);
    }
    expect(wrongCode.body.error.name).toBe('NotFoundError');
  });

  test('a check without number or code is a 400 naming the field', async () => {
    const res = await check({ trackingNumber: filed.trackingNumber });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['queryCode']);
  });

  test('no answer carries personal data or another application', async () => {
    const other = PERSON();
    const otherFiled = (await file(other)).body.data;
    const answers = [
      await check({ trackingNumber: filed.trackingNumber, queryCode: filed.queryCode }),
      await check({ trackingNumber: filed.trackingNumber, queryCode: otherFiled.queryCode }),
      await check({ trackingNumber: otherFiled.trackingNumber, queryCode: filed.queryCode }),
      await check({ trackingNumber: 'NOPE-1', queryCode: 'x' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 404, 404]);
    for (const res of answers) {
      const text = JSON.stringify(res.body);
      for (const value of [...personalValues(data), ...personalValues(other)]) expect(text).not.toContain(value);
      expect(text).not.toContain(otherFiled.trackingNumber);
      expect(text).not.toMatch(/scrypt|documentId|organization/);
    }
  });

  test('the public role cannot list or read applications any other way', async () => {
    expect((await http().get('/api/disclosure-applications')).status).toBe(403);
    expect((await http().get('/api/disclosure/applications')).status).toBe(404);
  });
});
