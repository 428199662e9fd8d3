// What an online application must contain (条例 第二十九条): who applies and how to reach them, what information is
// wanted, and in what form and by what way it should be provided. Pure: the caller gives the schema's enum values.

/** A problem with one field of the request, as Strapi's ValidationError details list them. */
export interface FieldProblem {
  path: string[];
  message: string;
}

/** The choices the application content type allows; read from its schema so the two cannot drift apart. */
export interface FilingEnums {
  applicantType: readonly string[];
  idType: readonly string[];
  preferredForm: readonly string[];
  deliveryMethod: readonly string[];
}

export interface Filing {
  organization: string;
  applicantType: string;
  applicantName: string;
  idType: string;
  idNumber: string;
  contactPerson?: string;
  phone: string;
  email?: string;
  address?: string;
  postalCode?: string;
  requestedInformation: string;
  preferredForm: string;
  deliveryMethod: string;
}

/** Identity documents of a person, and of an organization; the other kind is refused for the applicant type. */
const PERSONAL_IDS = ['residentId', 'passport', 'otherPersonalId'];
const ORGANIZATION_IDS = ['creditCode', 'otherOrganizationId'];

const FIELDS = [
  'organization',
  'applicantType',
  'applicantName',
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
] as const;
type Field = (typeof FIELDS)[number];

const LABELS: Record<Field, string> = {
  organization: '受理机关',
  applicantType: '申请人类型',
  applicantName: '申请人姓名或名称',
  idType: '身份证件类型',
  idNumber: '身份证件号码',
  contactPerson: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postalCode: '邮政编码',
  requestedInformation: '所需政府信息的描述',
  preferredForm: '信息的指定提供载体形式',
  deliveryMethod: '获取信息的方式',
};

const MAX_LENGTH: Partial<Record<Field, number>> = {
  organization: 64,
  applicantName: 100,
  contactPerson: 100,
  email: 200,
  address: 300,
  requestedInformation: 5000,
};
export const MIN_REQUEST_LENGTH = 5;

const PHONE = /^[0-9+()\- ]{5,30}$/;
const ID_NUMBER = /^[0-9A-Za-z-]{5,40}$/;
const POSTAL_CODE = /^[0-9]{6}$/;
// Deliberately loose: the mail server is the real check; this catches typing mistakes only.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const problem = (field: string, en: string, zh: string): FieldProblem => ({ path: [field], message: `${en} (${zh})` });

/**
 * Checks the `data` of an online application. Returns the cleaned filing (strings trimmed, empty optional fields
 * dropped) or every problem found, each naming its field. Check digits of ID numbers are the content type's rules'
 * to check (src/validation), on the same write.
 */
export function validateFiling(data: unknown, enums: FilingEnums): { filing?: Filing; problems: FieldProblem[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      problems: [
        problem(
          'data',
          'the request body must be { "data": { ...the application } }',
          '请求体应为 {"data": {申请内容}}',
        ),
      ],
    };
  }
  const raw = data as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(raw)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      problems.push(
        problem(
          key,
          `${key} is not a field of an online application (fields: ${FIELDS.join(', ')})`,
          `不能提交字段 ${key}`,
        ),
      );
    }
  }

  const values: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      problems.push(problem(field, `${field} must be text`, `${LABELS[field]}应为文字`));
      continue;
    }
    const text = value.trim();
    if (text === '') continue;
    const max = MAX_LENGTH[field];
    if (max !== undefined && text.length > max) {
      problems.push(
        problem(field, `${field} is at most ${max} characters, got ${text.length}`, `${LABELS[field]}最多 ${max} 字`),
      );
      continue;
    }
    values[field] = text;
  }
  const has = (field: Field) => values[field] !== undefined;
  const typed = (field: Field) => raw[field] === undefined || raw[field] === null || typeof raw[field] === 'string';
  const required = (field: Field, why = '') => {
    if (!has(field) && typed(field) && !problems.some((p) => p.path[0] === field)) {
      problems.push(problem(field, `${field} is required${why}`, `请填写${LABELS[field]}`));
    }
  };
  const oneOf = (field: Field, allowed: readonly string[], zhWhat = LABELS[field]) => {
    if (has(field) && !allowed.includes(values[field]!)) {
      problems.push(
        problem(
          field,
          `${field} must be one of ${allowed.join(', ')}, got "${values[field]}"`,
          `${zhWhat}应为 ${allowed.join('、')} 之一`,
        ),
      );
    }
  };

  for (const field of [
    'organization',
    'applicantType',
    'applicantName',
    'idType',
    'idNumber',
    'phone',
    'requestedInformation',
    'preferredForm',
    'deliveryMethod',
  ] as const) {
    required(field);
  }
  oneOf('applicantType', enums.applicantType);
  oneOf('preferredForm', enums.preferredForm);
  oneOf('deliveryMethod', enums.deliveryMethod);
  oneOf('idType', enums.idType);

  const person = values.applicantType === 'naturalPerson';
  if (has('applicantType') && enums.applicantType.includes(values.applicantType!)) {
    const fitting = (person ? PERSONAL_IDS : ORGANIZATION_IDS).filter((t) => enums.idType.includes(t));
    if (has('idType') && enums.idType.includes(values.idType!) && !fitting.includes(values.idType!)) {
      problems.push(
        problem(
          'idType',
          `idType "${values.idType}" is not an identity document of ${person ? 'a natural person' : 'an organization'} (use ${fitting.join(' or ')})`,
          person ? '自然人应提供个人身份证件' : '法人或其他组织应提供统一社会信用代码或其他组织证件',
        ),
      );
    }
    if (!person) required('contactPerson', ' for an organization');
  }
  if (has('idNumber') && !ID_NUMBER.test(values.idNumber!)) {
    problems.push(
      problem(
        'idNumber',
        'idNumber must be 5 to 40 letters, digits or hyphens',
        '身份证件号码应为5至40位字母、数字或连字符',
      ),
    );
  }
  if (has('phone') && !PHONE.test(values.phone!)) {
    problems.push(problem('phone', 'phone must be 5 to 30 digits, spaces, +, -, ( or )', '联系电话格式不正确'));
  }
  if (has('email') && !EMAIL.test(values.email!)) {
    problems.push(problem('email', `email "${values.email}" is not an e-mail address`, '电子邮箱格式不正确'));
  }
  if (has('postalCode') && !POSTAL_CODE.test(values.postalCode!)) {
    problems.push(problem('postalCode', 'postalCode must be 6 digits', '邮政编码应为6位数字'));
  }
  if (has('requestedInformation') && values.requestedInformation!.length < MIN_REQUEST_LENGTH) {
    problems.push(
      problem(
        'requestedInformation',
        `requestedInformation must describe the information wanted (its title, number or other features), at least ${MIN_REQUEST_LENGTH} characters`,
        '请描述所需政府信息的名称、文号或便于查询的其他特征',
      ),
    );
  }
  if (values.deliveryMethod === 'email') required('email', ' when the information is to be sent by e-mail');
  if (values.deliveryMethod === 'post') {
    required('address', ' when the information is to be sent by post');
    required('postalCode', ' when the information is to be sent by post');
  }

  if (problems.length) return { problems };
  return { filing: values as Filing, problems };
}

/** One message for a list of problems, as the app's write rules word it. */
export function summarize(problems: readonly FieldProblem[]): string {
  return problems.length === 1
    ? problems[0]!.message
    : `${problems.length} errors: ${problems.map((p) => p.message).join('; ')}`;
}
