// The site's copies of labels and codes must match their sources: the process declaration and the schemas.
import * as labels from '../../public/site/labels.js';
import { CATEGORY_LABELS, NOTICE_TYPES, NOTICE_TYPES_BY_CATEGORY } from '../../src/api/transaction-project/domain/process';
import projectSchema from '../../src/api/transaction-project/content-types/transaction-project/schema.json';
import noticeSchema from '../../src/api/transaction-notice/content-types/transaction-notice/schema.json';
import documentSchema from '../../src/api/policy-document/content-types/policy-document/schema.json';
import applicationSchema from '../../src/api/disclosure-application/content-types/disclosure-application/schema.json';

const enumOf = (schema: any, field: string): string[] => schema.attributes[field].enum;
const sorted = (xs: string[]) => [...xs].sort();

describe('site labels', () => {
  it('copy the categories and notice types of process.ts exactly', () => {
    expect(labels.CATEGORY_LABELS).toEqual(CATEGORY_LABELS);
    expect(labels.NOTICE_TYPES_BY_CATEGORY).toEqual(NOTICE_TYPES_BY_CATEGORY);
    expect(labels.NOTICE_TYPE_LABELS).toEqual(
      Object.fromEntries(Object.entries(NOTICE_TYPES).map(([code, { zh, en }]) => [code, { zh, en }])),
    );
  });

  it('cover every enumeration value of the schemas they label', () => {
    expect(sorted(Object.keys(labels.NOTICE_TYPE_LABELS))).toEqual(sorted(enumOf(noticeSchema, 'noticeType')));
    expect(sorted(Object.keys(labels.CATEGORY_LABELS))).toEqual(sorted(enumOf(projectSchema, 'category')));
    expect(sorted(Object.keys(labels.METHOD_LABELS))).toEqual(sorted(enumOf(projectSchema, 'method')));
    expect(sorted(Object.keys(labels.PRINCIPAL_LABELS))).toEqual(sorted(enumOf(projectSchema, 'category')));
    expect(sorted(Object.keys(labels.DOCUMENT_KIND_LABELS))).toEqual(sorted(enumOf(documentSchema, 'kind')));
    expect(sorted(Object.keys(labels.APPLICANT_TYPE_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'applicantType')));
    expect(sorted(Object.keys(labels.ID_TYPE_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'idType')));
    expect(sorted([...labels.PERSONAL_ID_TYPES, ...labels.ORGANIZATION_ID_TYPES])).toEqual(sorted(enumOf(applicationSchema, 'idType')));
    expect(sorted(Object.keys(labels.PREFERRED_FORM_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'preferredForm')));
    expect(sorted(Object.keys(labels.DELIVERY_METHOD_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'deliveryMethod')));
    expect(sorted(Object.keys(labels.APPLICATION_STATE_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'state')));
  });
});
