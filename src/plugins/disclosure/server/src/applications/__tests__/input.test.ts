// Reading what the officer posts (readEventInput) and what an applicant files (validateFiling): shape only, each
// problem naming its field. Whether an event is allowed is the clock's to say (clock/__tests__).
import { readEventInput } from '../history';
import { validateFiling, type FilingEnums } from '../filing';

const TODAY = '2026-11-28';

describe('readEventInput', () => {
  it('dates an undated event today and keeps only the fields of its type', () => {
    const { input, problems } = readEventInput(
      { type: 'extend', days: 10, approver: ' 王主任 ', note: ' 复杂 ' },
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(input).toEqual({ type: 'extend', on: TODAY, note: '复杂', payload: { days: 10, approver: '王主任' } });
  });

  it.each([
    [{ type: 'approve' }, 'type'],
    [{}, 'type'],
    [{ type: 'withdraw', outcome: 'granted' }, 'outcome'],
    [{ type: 'withdraw', on: '2026-11-29' }, 'on'],
    [{ type: 'withdraw', note: 5 }, 'note'],
    [{ type: 'withdraw', note: 'x'.repeat(2001) }, 'note'],
  ])('refuses %j naming %s', (body, field) => {
    const { input, problems } = readEventInput(body, TODAY);
    expect(input).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual([field]);
  });

  it('refuses a body that is not an object', () => {
    expect(readEventInput('withdraw', TODAY).problems[0]!.field).toBe('body');
  });
});

describe('validateFiling', () => {
  const enums: FilingEnums = {
    applicantType: ['naturalPerson', 'commercialEnterprise'],
    idType: ['residentId', 'passport', 'creditCode'],
    preferredForm: ['paper', 'electronic'],
    deliveryMethod: ['post', 'email', 'online'],
  };
  const valid = {
    organization: 'abc123',
    applicantType: 'naturalPerson',
    applicantName: ' 张三 ',
    idType: 'passport',
    idNumber: 'E12345678',
    phone: '13800000000',
    requestedInformation: '某项目的中标结果公告',
    preferredForm: 'electronic',
    deliveryMethod: 'online',
    email: '',
  };

  it('trims text and drops empty optional fields', () => {
    const { filing, problems } = validateFiling(valid, enums);
    expect(problems).toEqual([]);
    expect(filing).toMatchObject({ applicantName: '张三' });
    expect(filing).not.toHaveProperty('email');
  });

  it('asks organizations for a contact person and an organization document', () => {
    const { problems } = validateFiling({ ...valid, applicantType: 'commercialEnterprise' }, enums);
    expect(problems.map((p) => p.path[0]).sort()).toEqual(['contactPerson', 'idType']);
  });

  it('asks for address and postal code when the information goes by post', () => {
    const { problems } = validateFiling({ ...valid, deliveryMethod: 'post' }, enums);
    expect(problems.map((p) => p.path[0]).sort()).toEqual(['address', 'postalCode']);
  });

  it('gives each message in English and Chinese', () => {
    const { problems } = validateFiling({ ...valid, phone: undefined }, enums);
    expect(problems).toEqual([{ path: ['phone'], message: 'phone is required (请填写联系电话)' }]);
  });
});
