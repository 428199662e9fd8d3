/**
 * Organization scope (src/bootstrap/scope.ts, the plugin's scope.ts): two organizations A and B; an officer and an
 * editor who are members of A see and change only A's records, through the Content Manager (any letter case, clone,
 * bulk actions, relation pickers, filters on relations) and the plugin's admin routes. The city-level auditor reads
 * both and writes neither.
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, http, adminToken } from '../helpers/strapi';
import { createApplication, createOrganization, createPolicyDocument } from '../helpers/records';
import { countEverything, createNotice, createProject, createReport } from '../helpers/content';

let strapi: Core.Strapi;

const ORG = 'api::organization.organization';
const APP = 'api::disclosure-application.disclosure-application';
const CASE = 'api::review-case.review-case';
const DECISION = 'api::administrative-decision.administrative-decision';
const FEE = 'api::fee.fee';
const REPORT = 'api::annual-report.annual-report';
const POLICY = 'api::policy-document.policy-document';
const PROJECT = 'api::transaction-project.transaction-project';
const NOTICE = 'api::transaction-notice.transaction-notice';

type Org = 'A' | 'B';
const orgs: Record<Org, any> = {} as any;
const docs: Record<string, Record<Org, any>> = {};
const tokens: Record<string, string> = {};
const connect = (documentId: string) => ({ connect: [{ documentId }], disconnect: [] });

/** A valid new record of the type in the organization (for notices: on the organization's project). */
const bodies: Record<string, (o: Org) => Record<string, unknown>> = {
  [APP]: (o) => ({
    trackingNumber: `SCOPE-${o}-${Date.now()}`,
    receivedOn: '2024-01-02',
    applicantType: 'naturalPerson',
    applicantName: '范围测试',
    requestedInformation: 'x',
    organization: connect(orgs[o].documentId),
  }),
  [CASE]: (o) => ({ kind: 'review', filedOn: '2024-02-02', organization: connect(orgs[o].documentId) }),
  [DECISION]: (o) => ({
    kind: 'license',
    decisionNumber: `驻公资许〔2024〕${o === 'A' ? 31 : 32}号`,
    decidedOn: '2024-02-01',
    organization: connect(orgs[o].documentId),
  }),
  [FEE]: (o) => ({
    item: '信息处理费',
    collectedOn: '2024-02-01',
    amount: '3.00',
    organization: connect(orgs[o].documentId),
  }),
  [REPORT]: (o) => ({
    title: `范围测试报告${o}`,
    year: 2019,
    formatVersion: 'gov-2021',
    organization: connect(orgs[o].documentId),
  }),
  [POLICY]: (o) => ({
    title: `范围测试文件${o}`,
    kind: 'normative',
    issuingBody: '测试机关',
    issuedOn: '2024-01-02',
    organization: connect(orgs[o].documentId),
  }),
  [PROJECT]: (o) => ({
    name: `范围测试项目${o}`,
    category: 'procurement',
    projectCode: `CG-2024-S${o}${Date.now() % 100000}`,
    registeredOn: '2024-01-02',
    principal: '某采购人',
    method: 'inquiry',
    organization: connect(orgs[o].documentId),
  }),
  [NOTICE]: (o) => ({
    title: `范围测试公告${o}`,
    noticeType: 'tenderNotice',
    releasedAt: '2024-02-03T08:00:00.000Z',
    project: connect(docs[PROJECT][o].documentId),
  }),
};
/** A field each type's answer must show. */
const SHOWN: Record<string, string> = {
  [APP]: 'applicantName',
  [CASE]: 'kind',
  [DECISION]: 'kind',
  [FEE]: 'item',
  [REPORT]: 'title',
  [POLICY]: 'title',
  [PROJECT]: 'name',
  [NOTICE]: 'title',
};
/** The relation that carries the organization, and the filter on it. */
const orgFilter = (uid: string, o: Org) =>
  uid === NOTICE
    ? `filters[project][organization][documentId][$eq]=${orgs[o].documentId}`
    : `filters[organization][documentId][$eq]=${orgs[o].documentId}`;
const LOCALIZED = [POLICY, REPORT, ORG];
const loc = (uid: string) => (LOCALIZED.includes(uid) ? 'locale=zh-Hans' : '');
const DRAFT_AND_PUBLISH = [REPORT, POLICY, PROJECT, NOTICE];
/** Types the app never lets anyone clone (400, see README "Clone"). */
const NEVER_CLONED = [APP, REPORT];

beforeAll(async () => {
  strapi = await setupStrapi();
  orgs.A = await createOrganization(strapi, { name: '甲机构' });
  orgs.B = await createOrganization(strapi, { name: '乙机构' });
  for (const uid of [APP, CASE, DECISION, FEE, REPORT, POLICY, PROJECT, NOTICE]) docs[uid] = {} as Record<Org, any>;
  for (const o of ['A', 'B'] as Org[]) {
    const org = orgs[o].documentId;
    docs[APP][o] = await createApplication(strapi, org, { applicantName: `申请人${o}甲乙` });
    docs[CASE][o] = await strapi.documents(CASE).create({
      data: { kind: 'review', filedOn: '2024-02-01', organization: org, application: docs[APP][o].documentId },
    } as any);
    docs[DECISION][o] = await strapi.documents(DECISION).create({
      data: {
        kind: 'license',
        decisionNumber: `驻公资许〔2024〕${o === 'A' ? 7 : 8}号`,
        decidedOn: '2024-02-01',
        organization: org,
      },
    } as any);
    docs[FEE][o] = await strapi
      .documents(FEE)
      .create({ data: { item: '信息处理费', collectedOn: '2024-02-01', amount: '5.00', organization: org } } as any);
    docs[REPORT][o] = await createReport(strapi, org, { year: 2021 }, false);
    docs[POLICY][o] = await createPolicyDocument(strapi, { title: `机构${o}的文件`, organization: org }, false);
    docs[PROJECT][o] = await createProject(strapi, { name: `机构${o}的项目`, organization: org }, false);
    docs[NOTICE][o] = await createNotice(strapi, docs[PROJECT][o].documentId, { title: `机构${o}的公告` }, false);
  }
  tokens.officer = (await adminToken('disclosure-officer', { organizations: [orgs.A.documentId] })).token;
  tokens.editor = (await adminToken('content-editor', { organizations: [orgs.A.documentId] })).token;
  tokens.auditor = (await adminToken('auditor', { organizations: [] })).token;
  tokens.nobody = (await adminToken('disclosure-officer', { organizations: [] })).token;
});
afterAll(teardownStrapi);

type Method = 'get' | 'post' | 'put' | 'delete';
const call = (who: string, method: Method, url: string, body?: unknown) => {
  const req = (http() as any)[method](url).set('Authorization', `Bearer ${tokens[who]}`);
  return body === undefined ? req : req.send(body);
};
const q = (uid: string, extra = '') => [loc(uid), extra].filter(Boolean).join('&');
const withQ = (path: string, uid: string, extra = '') => (q(uid, extra) ? `${path}?${q(uid, extra)}` : path);
const ids = (res: any) => (res.body.results ?? res.body.data ?? []).map((r: any) => r.documentId);

const SCOPED = [
  ...[APP, CASE, DECISION, FEE, REPORT].map((uid) => ({ who: 'officer', uid })),
  ...[POLICY, PROJECT, NOTICE].map((uid) => ({ who: 'editor', uid })),
];
const BASES = ['/content-manager', '/CONTENT-MANAGER'];
const MATRIX = SCOPED.flatMap((x) => BASES.map((base) => ({ ...x, base })));

describe('Given an officer and an editor who are members of organization A only', () => {
  test.each(MATRIX)('When the $who lists $uid ($base), Then only A’s record is listed', async ({ who, uid, base }) => {
    const res = await call(who, 'get', withQ(`${base}/collection-types/${uid}`, uid));
    expect(res.status).toBe(200);
    expect(ids(res)).toContain(docs[uid].A.documentId);
    expect(ids(res)).not.toContain(docs[uid].B.documentId);
    expect(res.text).not.toContain('申请人B甲乙');
  });

  test.each(MATRIX)(
    'When the $who filters $uid by B through the relation ($base), Then nothing is listed',
    async ({ who, uid, base }) => {
      const res = await call(who, 'get', withQ(`${base}/collection-types/${uid}`, uid, orgFilter(uid, 'B')));
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual([]);
    },
  );

  test.each(MATRIX)(
    'When the $who reads, updates, deletes, clones B’s $uid ($base), Then each answers 403/400 and nothing changes',
    async ({ who, uid, base }) => {
      const b = docs[uid].B.documentId;
      const before = await countEverything(strapi);
      const one = withQ(`${base}/collection-types/${uid}/${b}`, uid);
      const read = await call(who, 'get', one);
      expect(read.status).toBe(403);
      expect(read.text).not.toContain('申请人B甲乙');
      expect((await call(who, 'put', one, bodies[uid]('A'))).status).toBe(403);
      expect((await call(who, 'delete', one)).status).toBe(403);
      const cloned = await call(who, 'post', withQ(`${base}/collection-types/${uid}/clone/${b}`, uid), {});
      expect(cloned.status).toBe(NEVER_CLONED.includes(uid) ? 400 : 403);
      expect(cloned.text).not.toContain('申请人B甲乙');
      const bulk = await call(who, 'post', withQ(`${base}/collection-types/${uid}/actions/bulkDelete`, uid), {
        documentIds: [b],
      });
      expect(bulk.status).toBe(403);
      if (DRAFT_AND_PUBLISH.includes(uid)) {
        expect(
          (await call(who, 'post', withQ(`${base}/collection-types/${uid}/${b}/actions/publish`, uid), {})).status,
        ).toBe(403);
        expect(
          (
            await call(who, 'post', withQ(`${base}/collection-types/${uid}/actions/bulkPublish`, uid), {
              documentIds: [b],
            })
          ).status,
        ).toBe(403);
      }
      expect(await countEverything(strapi)).toEqual(before);
      if (DRAFT_AND_PUBLISH.includes(uid))
        expect(
          await strapi.db.query(uid as any).count({ where: { documentId: b, publishedAt: { $notNull: true } } }),
        ).toBe(0);
    },
  );

  test.each(MATRIX)(
    'When the $who creates $uid in B or moves A’s into B ($base), Then 403 and nothing changes',
    async ({ who, uid, base }) => {
      const before = await countEverything(strapi);
      expect((await call(who, 'post', withQ(`${base}/collection-types/${uid}`, uid), bodies[uid]('B'))).status).toBe(
        403,
      );
      // (A report moves with another year: B already has one of 2021, and one report per organization and year.)
      const move =
        uid === NOTICE
          ? { project: connect(docs[PROJECT].B.documentId) }
          : { organization: connect(orgs.B.documentId), ...(uid === REPORT ? { year: 2018 } : {}) };
      expect(
        (await call(who, 'put', withQ(`${base}/collection-types/${uid}/${docs[uid].A.documentId}`, uid), move)).status,
      ).toBe(403);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test.each(SCOPED)(
    'When the $who creates, reads, updates and clones $uid in A, Then each succeeds',
    async ({ who, uid }) => {
      const created = await call(who, 'post', withQ(`/content-manager/collection-types/${uid}`, uid), bodies[uid]('A'));
      expect(created.status).toBe(201);
      const id = created.body.data.documentId;
      expect((await call(who, 'get', withQ(`/content-manager/collection-types/${uid}/${id}`, uid))).status).toBe(200);
      const body = bodies[uid]('A');
      const updated = await call(who, 'put', withQ(`/content-manager/collection-types/${uid}/${id}`, uid), body);
      expect(updated.status).toBe(200);
      // The answer keeps the document's fields (the edit view shows it after a save).
      expect(updated.body.data[SHOWN[uid]]).toBe(body[SHOWN[uid]]);
      expect(created.body.data[SHOWN[uid]]).toBe(body[SHOWN[uid]]);
      if (!NEVER_CLONED.includes(uid) && uid !== DECISION && uid !== PROJECT) {
        expect(
          (await call(who, 'post', withQ(`/content-manager/collection-types/${uid}/clone/${id}`, uid), {})).status,
        ).toBe(200);
      }
      expect((await call(who, 'delete', withQ(`/content-manager/collection-types/${uid}/${id}`, uid))).status).toBe(
        200,
      );
    },
  );

  test.each([
    { who: 'officer', uid: APP, field: 'organization', target: 'organization' },
    { who: 'officer', uid: CASE, field: 'application', target: APP },
    { who: 'editor', uid: POLICY, field: 'organization', target: 'organization' },
    { who: 'editor', uid: NOTICE, field: 'project', target: PROJECT },
  ])(
    'When the $who opens the $field picker of $uid (both cases), Then only A’s are offered',
    async ({ who, uid, field, target }) => {
      const a = target === 'organization' ? orgs.A.documentId : docs[target].A.documentId;
      const b = target === 'organization' ? orgs.B.documentId : docs[target].B.documentId;
      for (const base of BASES) {
        const res = await call(who, 'get', withQ(`${base}/relations/${uid}/${field}`, uid, `pageSize=100`));
        expect({ base, status: res.status }).toEqual({ base, status: 200 });
        expect(ids(res)).toContain(a);
        expect(ids(res)).not.toContain(b);
        const existing = await call(
          who,
          'get',
          withQ(`${base}/relations/${uid}/${docs[uid].B.documentId}/${field}`, uid),
        );
        expect(existing.status).toBe(403);
      }
    },
  );

  test.each(BASES)(
    'When the officer asks bulkFindForValidation for A’s and B’s applications (%s), Then only A’s fields are answered',
    async (base) => {
      const res = await call('officer', 'post', `${base}/collection-types/${APP}/actions/bulkFindForValidation`, {
        documentIds: [docs[APP].A.documentId, docs[APP].B.documentId],
      });
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('申请人B甲乙');
      expect(res.text).not.toContain(docs[APP].B.idNumber);
      expect(res.body.results.map((r: any) => r.applicantName).filter(Boolean)).toEqual(['申请人A甲乙']);
    },
  );

  test('When an officer who belongs to no organization lists applications, Then 403', async () => {
    expect((await call('nobody', 'get', `/content-manager/collection-types/${APP}`)).status).toBe(403);
    expect((await call('nobody', 'get', '/disclosure/applications')).body.data.items).toEqual([]);
  });
});

describe('Given scoped users who create a record without choosing its organization', () => {
  const organizationOf = async (uid: string, documentId: string) =>
    (
      (await strapi.db
        .query(uid as any)
        .findOne({ where: { documentId }, populate: { organization: { select: ['documentId'] } } })) as any
    )?.organization?.documentId ?? null;
  const withoutOrganization = (uid: string) => ({ ...bodies[uid]('A'), organization: { connect: [], disconnect: [] } });

  test.each([
    { who: 'officer', uid: APP },
    { who: 'officer', uid: FEE },
    { who: 'editor', uid: POLICY },
    { who: 'editor', uid: PROJECT },
  ])(
    'When the $who (member of A only) creates $uid with no organization, Then it is created in A and stays visible',
    async ({ who, uid }) => {
      const created = await call(
        who,
        'post',
        withQ(`/content-manager/collection-types/${uid}`, uid),
        withoutOrganization(uid),
      );
      expect(created.status).toBe(201);
      const id = created.body.data.documentId;
      expect(await organizationOf(uid, id)).toBe(orgs.A.documentId);
      expect((await call(who, 'get', withQ(`/content-manager/collection-types/${uid}/${id}`, uid))).status).toBe(200);
      expect(ids(await call(who, 'get', withQ(`/content-manager/collection-types/${uid}`, uid)))).toContain(id);
    },
  );

  test('When the editor clones A’s policy document and empties its organization, Then the clone is in A', async () => {
    const cloned = await call(
      'editor',
      'post',
      withQ(`/content-manager/collection-types/${POLICY}/clone/${docs[POLICY].A.documentId}`, POLICY),
      {
        organization: { connect: [], disconnect: [{ documentId: orgs.A.documentId }] },
      },
    );
    expect(cloned.status).toBe(200);
    expect(await organizationOf(POLICY, cloned.body.data.documentId)).toBe(orgs.A.documentId);
  });

  test('When an officer who is a member of A and B creates an application with no organization, Then 400 naming organization (zh+en), nothing stored', async () => {
    tokens.both = (
      await adminToken('disclosure-officer', { organizations: [orgs.A.documentId, orgs.B.documentId] })
    ).token;
    const before = await countEverything(strapi);
    const res = await call('both', 'post', `/content-manager/collection-types/${APP}`, withoutOrganization(APP));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([['organization']]);
    expect(res.body.error.message).toBe(
      '请选择受理机构：您属于多个机构 (organization is required: you are a member of several organizations, choose one)',
    );
    expect(await countEverything(strapi)).toEqual(before);
    // Choosing one of them works.
    expect((await call('both', 'post', `/content-manager/collection-types/${APP}`, bodies[APP]('B'))).status).toBe(201);
  });

  test('When a super admin creates a policy document with no organization, Then it is created without one (no default)', async () => {
    tokens.admin = tokens.admin ?? (await adminToken('strapi-super-admin')).token;
    const created = await call(
      'admin',
      'post',
      withQ(`/content-manager/collection-types/${POLICY}`, POLICY),
      withoutOrganization(POLICY),
    );
    expect(created.status).toBe(201);
    expect(await organizationOf(POLICY, created.body.data.documentId)).toBeNull();
  });
});

describe('Given the plugin’s admin routes', () => {
  test.each(['/disclosure', '/DISCLOSURE'])(
    'When the officer uses the worklist and application page (%s), Then only A’s',
    async (base) => {
      const list = await call('officer', 'get', `${base}/applications`);
      expect(list.status).toBe(200);
      expect(list.body.data.items.map((i: any) => i.documentId)).toContain(docs[APP].A.documentId);
      expect(list.body.data.items.map((i: any) => i.organization.documentId)).toEqual(
        list.body.data.items.map(() => orgs.A.documentId),
      );
      expect((await call('officer', 'get', `${base}/applications?organization=${orgs.B.documentId}`)).status).toBe(403);
      expect((await call('officer', 'get', `${base}/applications/${docs[APP].A.documentId}`)).status).toBe(200);
      const other = await call('officer', 'get', `${base}/applications/${docs[APP].B.documentId}`);
      expect(other.status).toBe(403);
      expect(other.text).not.toContain('申请人B甲乙');
      const events = () =>
        strapi.db
          .query('plugin::disclosure.application-event')
          .count({ where: { applicationDocumentId: docs[APP].B.documentId } });
      const before = { everything: await countEverything(strapi), events: await events() };
      const event = await call('officer', 'post', `${base}/applications/${docs[APP].B.documentId}/events`, {
        type: 'withdraw',
        on: '2024-03-05',
      });
      expect(event.status).toBe(403);
      expect({ everything: await countEverything(strapi), events: await events() }).toEqual(before);
    },
  );

  test.each(['/disclosure', '/DISCLOSURE'])(
    'When the officer uses the report page on B (%s), Then 403 and nothing is computed or published',
    async (base) => {
      const orgList = await call('officer', 'get', `${base}/organizations`);
      expect(orgList.status).toBe(200);
      expect(orgList.body.data.map((o: any) => o.documentId)).toEqual([orgs.A.documentId]);
      const b = orgs.B.documentId;
      expect((await call('officer', 'get', `${base}/reports/view?organization=${b}&year=2021`)).status).toBe(403);
      expect(
        (
          await call(
            'officer',
            'get',
            `${base}/reports/cell?organization=${b}&year=2021&cell=applications.main.received.naturalPerson`,
          )
        ).status,
      ).toBe(403);
      expect((await call('officer', 'post', `${base}/reports/compute`, { organization: b, year: 2021 })).status).toBe(
        403,
      );
      expect(
        (await call('officer', 'post', `${base}/reports/acknowledge`, { documentId: docs[REPORT].B.documentId }))
          .status,
      ).toBe(403);
      expect(
        (await call('officer', 'post', `${base}/reports/publish`, { documentId: docs[REPORT].B.documentId })).status,
      ).toBe(403);
      const stored = await strapi.db.query(REPORT).findOne({ where: { documentId: docs[REPORT].B.documentId } });
      expect(stored.tables ?? null).toBeNull();
      expect(
        await strapi.db
          .query(REPORT)
          .count({ where: { documentId: docs[REPORT].B.documentId, publishedAt: { $notNull: true } } }),
      ).toBe(0);
      expect(
        (await call('officer', 'get', `${base}/reports/view?organization=${orgs.A.documentId}&year=2021`)).status,
      ).toBe(200);
    },
  );

  test.each(['/disclosure', '/DISCLOSURE'])(
    'When the officer imports a report or asks for paragraphs for B (%s), Then 403 and nothing is stored',
    async (base) => {
      const HISTORICAL = 'plugin::disclosure.historical-report';
      const b = orgs.B.documentId;
      const text = '乙机构2023年政府信息公开工作年度报告\n一、总体情况\n';
      const before = await strapi.db.query(HISTORICAL).count({});
      for (const route of ['imports', 'imports/confirm']) {
        const res = await call('officer', 'post', `${base}/${route}`)
          .field('organization', b)
          .field('year', '2023')
          .field('text', text);
        expect(res.status).toBe(403);
      }
      expect(await strapi.db.query(HISTORICAL).count({})).toBe(before);
      expect((await call('officer', 'get', `${base}/imports?organization=${b}`)).status).toBe(403);
      const listed = await call('officer', 'get', `${base}/imports`);
      expect(listed.status).toBe(200);
      expect(listed.body.data.every((r: any) => r.organization?.documentId === orgs.A.documentId)).toBe(true);
      expect((await call('officer', 'get', `${base}/reports/paragraphs?organization=${b}&year=2021`)).status).toBe(403);
      expect(
        (await call('officer', 'get', `${base}/reports/paragraphs?organization=${orgs.A.documentId}&year=2021`)).status,
      ).not.toBe(403);
    },
  );
});

describe('Given the city-level auditor (member of no organization)', () => {
  test.each([DECISION, FEE, REPORT, POLICY, PROJECT, NOTICE])(
    'When it lists %s, Then both organizations’ records; it writes neither',
    async (uid) => {
      const res = await call('auditor', 'get', withQ(`/content-manager/collection-types/${uid}`, uid));
      expect(res.status).toBe(200);
      expect(ids(res)).toEqual(expect.arrayContaining([docs[uid].A.documentId, docs[uid].B.documentId]));
      const before = await countEverything(strapi);
      for (const o of ['A', 'B'] as Org[]) {
        const one = withQ(`/content-manager/collection-types/${uid}/${docs[uid][o].documentId}`, uid);
        expect((await call('auditor', 'get', one)).status).toBe(200);
        expect((await call('auditor', 'put', one, bodies[uid](o))).status).toBe(403);
        expect((await call('auditor', 'delete', one)).status).toBe(403);
      }
      expect(
        (await call('auditor', 'post', withQ(`/content-manager/collection-types/${uid}`, uid), bodies[uid]('A')))
          .status,
      ).toBe(403);
      expect(await countEverything(strapi)).toEqual(before);
    },
  );

  test('When it opens the report page, Then every organization and B’s report view', async () => {
    const orgList = await call('auditor', 'get', '/disclosure/organizations');
    expect(orgList.body.data.map((o: any) => o.documentId)).toEqual(
      expect.arrayContaining([orgs.A.documentId, orgs.B.documentId]),
    );
    expect(
      (await call('auditor', 'get', `/disclosure/reports/view?organization=${orgs.B.documentId}&year=2021`)).status,
    ).toBe(200);
    expect(
      (await call('auditor', 'post', '/disclosure/reports/compute', { organization: orgs.B.documentId, year: 2021 }))
        .status,
    ).toBe(403);
  });
});

describe('Given a super admin assigning members in the Content Manager', () => {
  test('When it opens the members picker of an organization, Then admin users are offered, and a save keeps them', async () => {
    tokens.admin = (await adminToken('strapi-super-admin')).token;
    const picker = await call('admin', 'get', `/content-manager/relations/${ORG}/members?locale=zh-Hans&pageSize=100`);
    expect(picker.status).toBe(200);
    expect(picker.body.results.length).toBeGreaterThan(0);
  });
});
