// 现行有效 / 已废止 / 尚未生效, derived from a policy document's dates against today in China.
import { hasValidityDates, validityOf } from '../../src/api/policy-document/domain/validity';

describe('validityOf', () => {
  const today = '2024-06-30';
  it.each([
    [{ issuedOn: '2020-01-01' }, 'inForce'],
    [{ issuedOn: '2020-01-01', repealedOn: null }, 'inForce'],
    [{ issuedOn: '2020-01-01', repealedOn: '2024-07-01' }, 'inForce'],
    [{ issuedOn: '2020-01-01', repealedOn: '2024-06-30' }, 'repealed'],
    [{ issuedOn: '2020-01-01', repealedOn: '2021-01-01' }, 'repealed'],
    [{ issuedOn: '2024-06-01', effectiveOn: '2024-07-01' }, 'notYetEffective'],
    [{ issuedOn: '2024-06-01', effectiveOn: '2024-06-30' }, 'inForce'],
    [{ issuedOn: '2024-07-15' }, 'notYetEffective'],
    [{ issuedOn: '2024-06-01', effectiveOn: '2024-09-01', repealedOn: '2024-06-15' }, 'repealed'],
    [{ issuedOn: new Date('2020-01-01T00:00:00Z'), repealedOn: new Date('2024-06-29T00:00:00Z') }, 'repealed'],
  ])('%j → %s', (doc, expected) => expect(validityOf(doc, today)).toBe(expected));

  it('needs the three dates in a result to compute it there', () => {
    expect(hasValidityDates({ issuedOn: 'x', effectiveOn: null, repealedOn: null })).toBe(true);
    expect(hasValidityDates({ title: 'x', issuedOn: 'x' })).toBe(false);
  });
});
