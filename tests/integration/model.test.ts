/**
 * Facts of the content model on the real app and database: money stays exact in SQL, slugs are generated and kept,
 * locales have no silent fallback, policy documents carry a derived validity, and the start-up set-up is idempotent
 * (run again, and across a restart on the same database).
 */
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, restartStrapi, http, isPostgres } from '../helpers/strapi';
import { createOrganization, createPolicyDocument } from '../helpers/records';
import { createCaProvider, createNotice, createProject } from '../helpers/content';

let strapi: Core.Strapi;
const FEE = 'api::fee.fee';
const POLICY = 'api::policy-document.policy-document';

beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

describe('Given fees written through the Document Service', () => {
  /** The exact sum in cents of the fees of one item, in SQL: integer cents on SQLite (REAL column), numeric on PostgreSQL. */
  async function sumInCents(item: string): Promise<bigint> {
    const meta = strapi.db.metadata.get(FEE) as any;
    const table = meta.tableName;
    const amount = meta.attributes.amount.columnName ?? 'amount';
    const itemColumn = meta.attributes.item.columnName ?? 'item';
    const knex = strapi.db.connection;
    if (isPostgres()) {
      // numeric arithmetic is exact in PostgreSQL, but Strapi registers parseFloat for NUMERIC on the pg driver:
      // a plain SUM arrives as a JS number. Read it as text to keep every digit.
      const row: any = await knex(table)
        .where(itemColumn, item)
        .select(knex.raw('SUM(??)::text AS total', [amount]))
        .first();
      expect(typeof row.total).toBe('string');
      expect(row.total).toMatch(/^\d+\.\d{2}$/);
      return BigInt(row.total.replace('.', ''));
    }
    const row: any = await knex(table)
      .where(itemColumn, item)
      .select(knex.raw('SUM(CAST(ROUND(?? * 100) AS INTEGER)) AS total', [amount]))
      .first();
    expect(Number.isInteger(Number(row.total))).toBe(true);
    return BigInt(row.total);
  }

  test('When 1000 fees alternate 0.10 and 0.20, Then SQL sums them to exactly 150.00', async () => {
    const org = await createOrganization(strapi);
    for (let i = 0; i < 1000; i += 1) {
      await strapi.documents(FEE).create({
        data: {
          item: '千笔信息处理费',
          collectedOn: '2024-06-01',
          amount: i % 2 === 0 ? '0.10' : '0.20',
          organization: org.documentId,
        },
      } as any);
    }
    expect(await strapi.documents(FEE).count({ filters: { item: '千笔信息处理费' } } as any)).toBe(1000);
    expect(await sumInCents('千笔信息处理费')).toBe(15000n);
    // And the report's own aggregation: 150 元 = 0.015 万元, exactly.
    const report = await strapi.plugin('disclosure').service('report').compute(org.documentId, 2024);
    expect(report.tables.cells['proactive.fees.fee.amount']).toBe('0.015');
    if (isPostgres()) {
      const meta = strapi.db.metadata.get(FEE) as any;
      const knex = strapi.db.connection;
      const text: any = await knex(meta.tableName)
        .where('item', '千笔信息处理费')
        .select(knex.raw('SUM(amount)::text AS total'))
        .first();
      expect(text.total).toBe('150.00');
      // The trap, pinned: the same SUM without ::text comes back as a float (Strapi's NUMERIC type parser).
      const plain: any = await knex(meta.tableName).where('item', '千笔信息处理费').sum({ total: 'amount' }).first();
      expect(typeof plain.total).toBe('number');
    }
  });

  test('When fees near the column limit are added to cents, Then the sum is exact to the cent', async () => {
    const org = await createOrganization(strapi);
    for (const amount of ['99999999.99', '0.01', '12345678.91', '0.09', '0.33', '0.33', '0.34']) {
      await strapi
        .documents(FEE)
        .create({ data: { item: '大额收费', collectedOn: '2024-06-02', amount, organization: org.documentId } } as any);
    }
    // 99999999.99 + 0.01 + 12345678.91 + 0.09 + 1.00 = 112345680.00
    expect(await sumInCents('大额收费')).toBe(11234568000n);
  });

  test('When a fee is read back, Then its amount has the value written', async () => {
    const org = await createOrganization(strapi);
    const fee = await strapi.documents(FEE).create({
      data: { item: '读回', collectedOn: '2024-06-03', amount: '1234567.89', organization: org.documentId },
    } as any);
    const read: any = await strapi.documents(FEE).findOne({ documentId: fee.documentId } as any);
    expect(Number(read.amount).toFixed(2)).toBe('1234567.89');
  });
});

describe('Given titles without slugs', () => {
  const slugOf = async (uid: string, documentId: string, locale?: string) =>
    (
      (await strapi
        .documents(uid as any)
        .findOne({ documentId, status: 'draft', ...(locale ? { locale } : {}) } as any)) as any
    ).slug;

  test('When a Chinese title is saved, Then the slug is its toneless pinyin', async () => {
    const doc = await createPolicyDocument(strapi, { title: '驻马店市公共资源交易管理办法' }, false);
    expect(await slugOf(POLICY, doc.documentId)).toBe('zhu-ma-dian-shi-gong-gong-zi-yuan-jiao-yi-guan-li-ban-fa');
  });

  test('When two and three documents have the same title, Then the later slugs get -2 and -3', async () => {
    const title = '关于进一步规范招标代理的通知';
    const a = await createPolicyDocument(strapi, { title });
    const b = await createPolicyDocument(strapi, { title }, false);
    const c = await createPolicyDocument(strapi, { title });
    const base = 'guan-yu-jin-yi-bu-gui-fan-zhao-biao-dai-li-de-tong-zhi';
    expect([
      await slugOf(POLICY, a.documentId),
      await slugOf(POLICY, b.documentId),
      await slugOf(POLICY, c.documentId),
    ]).toEqual([base, `${base}-2`, `${base}-3`]);
    const published = await http().get(`/api/policy-documents?filters[slug][$eq]=${base}-3`);
    expect(published.body.data.map((d: any) => d.documentId)).toEqual([c.documentId]);
  });

  test('When an English title is saved in the en locale, Then the slug is English', async () => {
    const doc = await createPolicyDocument(strapi, { title: '关于电子保函的通知' });
    const en: any = await strapi.documents(POLICY).update({
      documentId: doc.documentId,
      locale: 'en',
      data: { title: 'Notice on Electronic Guarantees (2024)', issuingBody: 'Trading Center' },
    } as any);
    expect(en.slug).toBe('notice-on-electronic-guarantees-2024');
    expect(await slugOf(POLICY, doc.documentId)).toBe('guan-yu-dian-zi-bao-han-de-tong-zhi');
  });

  test('When a slug is given, Then it is kept; and a later title change keeps the slug (stable links)', async () => {
    const doc = await createPolicyDocument(strapi, { title: '自定义地址的文件', slug: 'custom-address-2024' });
    expect(await slugOf(POLICY, doc.documentId)).toBe('custom-address-2024');
    const generated = await createPolicyDocument(strapi, { title: '原来的标题' }, false);
    await strapi.documents(POLICY).update({ documentId: generated.documentId, data: { title: '改过的标题' } } as any);
    expect(await slugOf(POLICY, generated.documentId)).toBe('yuan-lai-de-biao-ti');
  });

  test('When projects, notices and CA providers are saved, Then they get slugs from their name or title', async () => {
    const project = await createProject(strapi, { name: '驿城区道路改造工程' });
    const notice = await createNotice(strapi, project.documentId, { title: '驿城区道路改造工程招标公告' });
    const ca = await createCaProvider(strapi, { name: '河南省CA认证中心' });
    expect(await slugOf('api::transaction-project.transaction-project', project.documentId)).toBe(
      'yi-cheng-qu-dao-lu-gai-zao-gong-cheng',
    );
    expect(await slugOf('api::transaction-notice.transaction-notice', notice.documentId)).toBe(
      'yi-cheng-qu-dao-lu-gai-zao-gong-cheng-zhao-biao-gong-gao',
    );
    expect(await slugOf('api::ca-provider.ca-provider', ca.documentId)).toBe('he-nan-sheng-ca-ren-zheng-zhong-xin');
  });
});

describe('Given the locales zh-Hans (default) and en', () => {
  test('When the public lists locales, Then zh-Hans is the default and en exists', async () => {
    const res = await http().get('/api/i18n/locales');
    expect(res.status).toBe(200);
    const locales = res.body
      .map((l: any) => ({ code: l.code, isDefault: l.isDefault }))
      .sort((a: any, b: any) => a.code.localeCompare(b.code));
    expect(locales).toEqual([
      { code: 'en', isDefault: false },
      { code: 'zh-Hans', isDefault: true },
    ]);
  });

  test('When a document exists only in zh-Hans, Then it is served without a locale and not served for locale=en (no fallback)', async () => {
    const doc = await createPolicyDocument(strapi, { title: '只有中文版本的文件' });
    const zh = await http().get(`/api/policy-documents/${doc.documentId}`);
    expect(zh.status).toBe(200);
    expect(zh.body.data.locale).toBe('zh-Hans');
    expect(zh.body.data.title).toBe('只有中文版本的文件');
    expect((await http().get(`/api/policy-documents/${doc.documentId}?locale=en`)).status).toBe(404);
    const enList = await http().get('/api/policy-documents?locale=en');
    expect(enList.status).toBe(200);
    expect(enList.body.data.map((d: any) => d.documentId)).not.toContain(doc.documentId);
  });

  test('When an en version is published, Then locale=en serves it and the default still serves zh-Hans', async () => {
    const doc = await createPolicyDocument(strapi, { title: '双语文件' });
    await strapi.documents(POLICY).update({
      documentId: doc.documentId,
      locale: 'en',
      data: { title: 'Bilingual document', issuingBody: 'Trading Center' },
    } as any);
    expect((await http().get(`/api/policy-documents/${doc.documentId}?locale=en`)).status).toBe(404);
    await strapi.documents(POLICY).publish({ documentId: doc.documentId, locale: 'en' } as any);
    const en = await http().get(`/api/policy-documents/${doc.documentId}?locale=en`);
    expect(en.status).toBe(200);
    expect(en.body.data).toMatchObject({ title: 'Bilingual document', locale: 'en', issuedOn: '2021-05-01' });
    const zh = await http().get(`/api/policy-documents/${doc.documentId}`);
    expect(zh.body.data).toMatchObject({ title: '双语文件', locale: 'zh-Hans' });
  });
});

describe('Given policy documents with dates (derived validity)', () => {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

  test('When the public reads them, Then validity is inForce, repealed or notYetEffective from the dates', async () => {
    const inForce = await createPolicyDocument(strapi, { title: '现行有效的文件', issuedOn: '2021-01-04' });
    const repealed = await createPolicyDocument(strapi, {
      title: '已废止的文件',
      issuedOn: '2019-01-04',
      repealedOn: '2023-12-31',
    });
    const future = await createPolicyDocument(strapi, {
      title: '尚未施行的文件',
      issuedOn: '2024-01-04',
      effectiveOn: inDays(30),
    });
    const repealedLater = await createPolicyDocument(strapi, {
      title: '将要废止的文件',
      issuedOn: '2020-01-04',
      repealedOn: inDays(30),
    });
    const expected: Record<string, string> = {
      [inForce.documentId]: 'inForce',
      [repealed.documentId]: 'repealed',
      [future.documentId]: 'notYetEffective',
      [repealedLater.documentId]: 'inForce',
    };
    for (const [documentId, validity] of Object.entries(expected)) {
      const one = await http().get(`/api/policy-documents/${documentId}`);
      expect({ documentId, validity: one.body.data.validity }).toEqual({ documentId, validity });
      // Also when the client picked fields without the dates.
      const picked = await http().get(`/api/policy-documents/${documentId}?fields[0]=title`);
      expect({ documentId, validity: picked.body.data.validity }).toEqual({ documentId, validity });
    }
    const list = await http().get('/api/policy-documents?pagination[pageSize]=100');
    for (const item of list.body.data)
      if (expected[item.documentId]) expect(item.validity).toBe(expected[item.documentId]);
  });
});

describe('Given the start-up set-up', () => {
  async function snapshot(app: Core.Strapi) {
    const publicRole = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const tokens = await app.db
      .query('admin::api-token')
      .findMany({ select: ['name'], populate: ['permissions'] } as any);
    const roles = await app.db.query('admin::role').findMany({ select: ['code'] });
    return {
      adminRoles: roles.map((r: any) => r.code).sort(),
      adminPermissions: Number(await app.db.query('admin::permission').count()),
      publicPermissions: (
        await app.db
          .query('plugin::users-permissions.permission')
          .findMany({ where: { role: publicRole.id }, select: ['action'] })
      )
        .map((p: any) => p.action)
        .sort(),
      apiTokens: tokens.map((t: any) => `${t.name}: ${t.permissions.length} permissions`).sort(),
      apiTokenPermissions: Number(await app.db.query('admin::api-token-permission').count()),
      locales: (await app.db.query('plugin::i18n.locale').findMany({ select: ['code'] }))
        .map((l: any) => l.code)
        .sort(),
      defaultLocale: await app.plugin('i18n').service('locales').getDefaultLocale(),
    };
  }

  test('When it has run once, Then it has made the roles, public permissions, one site token and two locales', async () => {
    const first = await snapshot(strapi);
    // Strapi's super admin, editor and author, and the app's content editor, disclosure officer and auditor: no other.
    expect(first.adminRoles).toEqual([
      'auditor',
      'content-editor',
      'disclosure-officer',
      'strapi-author',
      'strapi-editor',
      'strapi-super-admin',
    ]);
    expect(first.apiTokens).toHaveLength(1);
    expect(first.apiTokens[0]).toMatch(/^Public site \(read-only\): \d+ permissions$/);
    expect(first.locales).toEqual(['en', 'zh-Hans']);
    expect(first.defaultLocale).toBe('zh-Hans');
    expect(first.publicPermissions).toContain('api::policy-document.policy-document.find');
  });

  test('When setUp runs twice more, Then nothing is duplicated or changed', async () => {
    const before = await snapshot(strapi);
    const { setUp } = require('../../dist/src/bootstrap');
    await setUp(strapi);
    await setUp(strapi);
    expect(await snapshot(strapi)).toEqual(before);
  });

  test('When a public permission is added in the database behind the admin’s back, Then setUp leaves it (defaults apply on the first start only) and the reset of the defaults removes it', async () => {
    const before = await snapshot(strapi);
    const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'api::fee.fee.find', role: publicRole.id } });
    const { setUp, applyAccessDefaults } = require('../../dist/src/bootstrap');
    await setUp(strapi);
    expect((await snapshot(strapi)).publicPermissions).toContain('api::fee.fee.find');
    await applyAccessDefaults(strapi, 'test reset');
    await applyAccessDefaults(strapi, 'test reset');
    expect(await snapshot(strapi)).toEqual(before);
  });

  test('When it has run, Then each organization link table has its (organization_id, record) index; the migration re-applies and undoes cleanly', async () => {
    const LINKS: Array<[string, string]> = [
      ['disclosure_applications_organization_lnk', 'disclosure_application_id'],
      ['review_cases_organization_lnk', 'review_case_id'],
      ['policy_documents_organization_lnk', 'policy_document_id'],
      ['administrative_decisions_organization_lnk', 'administrative_decision_id'],
      ['fees_organization_lnk', 'fee_id'],
    ];
    const knex = strapi.db.connection;
    /** The columns of the link table's index by its name, in index order; null when there is no such index. */
    async function indexColumns(table: string): Promise<string[] | null> {
      const name = `${table}_org_record_idx`;
      if (isPostgres()) {
        const { rows } = await knex.raw(
          `SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE c.relname = ? ORDER BY array_position(i.indkey::int[], a.attnum::int)`,
          [name],
        );
        return rows.length ? rows.map((r: any) => r.attname) : null;
      }
      const rows = await knex.raw('SELECT name FROM pragma_index_info(?) ORDER BY seqno', [name]);
      return rows.length ? rows.map((r: any) => r.name) : null;
    }
    const all = async () => Promise.all(LINKS.map(([table]) => indexColumns(table)));
    const expected = LINKS.map(([, record]) => ['organization_id', record]);
    expect(await all()).toEqual(expected);

    const migration = require('../../database/migrations/2026.11.28T00.00.00.report-link-indexes.js');
    await migration.up(knex);
    expect(await all()).toEqual(expected);
    await migration.down(knex);
    expect(await all()).toEqual(LINKS.map(() => null));
    await migration.up(knex);
    expect(await all()).toEqual(expected);
  });

  test('When the app is destroyed and started again on the same database, Then nothing is duplicated and content is intact', async () => {
    const doc = await createPolicyDocument(strapi, { title: '重启前的文件' });
    const before = await snapshot(strapi);
    strapi = await restartStrapi();
    expect(await snapshot(strapi)).toEqual(before);
    const res = await http().get(`/api/policy-documents/${doc.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('重启前的文件');
    // A third start, for good measure: still one of everything.
    strapi = await restartStrapi();
    expect(await snapshot(strapi)).toEqual(before);
    expect((await http().get('/api/disclosure-applications')).status).toBe(403);
  });
});
