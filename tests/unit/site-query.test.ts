// The site's query building (public/site/query.js): Strapi's bracket syntax, the list filters, dates in China.
import {
  chinaDayEnd,
  chinaDayStart,
  documentFilters,
  formatDate,
  formatDateTime,
  groupDigits,
  noticeFilters,
  pageOf,
  paramsOf,
  toQuery,
  todayInShanghai,
} from '../../public/site/query.js';

describe('toQuery', () => {
  it('writes nested objects and arrays in the bracket syntax Strapi parses, dropping empty values', () => {
    const q = toQuery({
      fields: ['title', 'kind'],
      populate: { project: { fields: ['name'] } },
      filters: { project: { category: { $eq: 'construction' } }, title: undefined },
      pagination: { page: 2, pageSize: 10 },
      locale: '',
    });
    expect(q).toBe(
      'fields[0]=title&fields[1]=kind&populate[project][fields][0]=name&filters[project][category][$eq]=construction&pagination[page]=2&pagination[pageSize]=10',
    );
  });

  it('percent-encodes values and keys except the brackets', () => {
    expect(toQuery({ filters: { title: { $containsi: '驻政办〔2021〕1号 & co' } } })).toBe(
      `filters[title][$containsi]=${encodeURIComponent('驻政办〔2021〕1号 & co')}`,
    );
  });
});

describe('documentFilters', () => {
  const today = '2024-06-30';
  it('is undefined without filters', () => expect(documentFilters({}, today)).toBeUndefined());

  it('searches title or 文号 case-insensitively, with kind and year', () => {
    expect(documentFilters({ q: ' 交易 ', kind: 'normative', year: '2021' }, today)).toEqual({
      $and: [
        { $or: [{ title: { $containsi: '交易' } }, { documentNumber: { $containsi: '交易' } }] },
        { kind: { $eq: 'normative' } },
        { issuedOn: { $gte: '2021-01-01', $lte: '2021-12-31' } },
      ],
    });
  });

  it('ignores unknown kinds and malformed years instead of sending them', () => {
    expect(documentFilters({ kind: 'bogus', year: '21' }, today)).toBeUndefined();
  });

  it('derives validity from the dates against today', () => {
    expect(documentFilters({ validity: 'repealed' }, today)).toEqual({ $and: [{ repealedOn: { $lte: today } }] });
    const inForce = documentFilters({ validity: 'inForce' }, today)!.$and;
    expect(inForce[0]).toEqual({ $or: [{ repealedOn: { $null: true } }, { repealedOn: { $gt: today } }] });
    expect(inForce[1]).toEqual({
      $or: [
        { effectiveOn: { $lte: today } },
        { $and: [{ effectiveOn: { $null: true } }, { issuedOn: { $lte: today } }] },
      ],
    });
    const notYet = documentFilters({ validity: 'notYetEffective' }, today)!.$and;
    expect(notYet[1]).toEqual({
      $or: [
        { effectiveOn: { $gt: today } },
        { $and: [{ effectiveOn: { $null: true } }, { issuedOn: { $gt: today } }] },
      ],
    });
  });
});

describe('noticeFilters', () => {
  const lists = { categories: ['construction', 'procurement'], noticeTypes: ['tenderNotice', 'procurementNotice'] };
  it('filters the category through the project, and release dates as China days', () => {
    expect(
      noticeFilters(
        { category: 'construction', type: 'tenderNotice', from: '2024-03-01', to: '2024-03-31', q: '学校' },
        lists,
      ),
    ).toEqual({
      project: { category: { $eq: 'construction' } },
      noticeType: { $eq: 'tenderNotice' },
      releasedAt: { $gte: '2024-02-29T16:00:00.000Z', $lt: '2024-03-31T16:00:00.000Z' },
      title: { $containsi: '学校' },
    });
  });
  it('drops unknown values', () => {
    expect(noticeFilters({ category: 'x', type: 'y', from: 'yesterday' }, lists)).toBeUndefined();
  });
  it("filters open-now notices on the project's bid deadline, and region and organization through the project", () => {
    const now = new Date('2026-11-30T04:00:00.000Z');
    expect(
      noticeFilters(
        { open: '1', region: '驿城区', organization: 'abc123', category: 'procurement' },
        { ...lists, now },
      ),
    ).toEqual({
      project: {
        category: { $eq: 'procurement' },
        region: { $eq: '驿城区' },
        organization: { documentId: { $eq: 'abc123' } },
        keyTimes: { bidDeadline: { $gt: '2026-11-30T04:00:00.000Z' } },
      },
    });
    expect(noticeFilters({ open: 'yes', organization: 'bad id;' }, lists)).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('reads page numbers defensively', () => {
    expect([pageOf('3'), pageOf('0'), pageOf('-2'), pageOf('abc'), pageOf(undefined), pageOf('2.5')]).toEqual([
      3, 1, 1, 1, 1, 1,
    ]);
  });
  it('keeps non-empty URL parameters', () => {
    expect(paramsOf('?q=&kind=normative&page=2&x=%20')).toEqual({ kind: 'normative', page: '2' });
  });
  it('computes China days', () => {
    expect(chinaDayStart('2024-01-01')).toBe('2023-12-31T16:00:00.000Z');
    expect(chinaDayEnd('2024-01-01')).toBe('2024-01-01T16:00:00.000Z');
    expect(todayInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
  });
  it('formats instants in China time and leaves dates alone', () => {
    expect(formatDateTime('2024-03-26T01:30:00.000Z')).toBe('2024-03-26 09:30');
    expect(formatDateTime('2024-03-26')).toBe('2024-03-26');
    expect(formatDate('2024-03-25T17:00:00.000Z')).toBe('2024-03-26');
    expect(formatDate('')).toBe('');
  });
  it('groups digits of exact decimal strings without floats', () => {
    expect(groupDigits('12345678.90')).toBe('12,345,678.90');
    expect(groupDigits('123456789012345.123456')).toBe('123,456,789,012,345.123456');
    expect(groupDigits('96.5')).toBe('96.5');
    expect(groupDigits('n/a')).toBe('n/a');
  });
});
