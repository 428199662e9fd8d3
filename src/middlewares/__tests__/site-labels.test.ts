// /site/labels.js is generated from src/labels: every line an export of plain JSON, covering each enumeration the site labels.
import { labelsModule } from '../site-labels';
import { siteLabels } from '../../labels';
import projectSchema from '../../api/transaction-project/content-types/transaction-project/schema.json';
import noticeSchema from '../../api/transaction-notice/content-types/transaction-notice/schema.json';
import documentSchema from '../../api/policy-document/content-types/policy-document/schema.json';
import applicationSchema from '../../api/disclosure-application/content-types/disclosure-application/schema.json';

const enumOf = (schema: { attributes: Record<string, unknown> }, field: string): string[] =>
  (schema.attributes[field] as { enum: string[] }).enum;
const sorted = (xs: readonly string[]) => [...xs].sort();

/** The module's exports, read back from its text. */
function exportsOf(body: string): Record<string, any> {
  const lines = body
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('//'));
  return Object.fromEntries(
    lines.map((line) => {
      const m = /^export const ([A-Z_]+) = (.*);$/.exec(line);
      if (!m) throw new Error(`Not an export of JSON: ${line}`);
      return [m[1], JSON.parse(m[2])];
    }),
  );
}

describe('/site/labels.js', () => {
  const labels = exportsOf(labelsModule().body);

  it('exports exactly the declaration, nothing else', () => {
    expect(labels).toEqual(JSON.parse(JSON.stringify(siteLabels())));
    expect(labels.NOTICE_TYPE_LABELS.tenderNotice).toEqual({ zh: '招标公告', en: 'Tender notice' });
    expect(labels.APPLICATION_STATE_LABELS.received).toEqual({ zh: '办理中', en: 'Received' });
    // The apply form's first option is its default.
    expect(Object.keys(labels.DELIVERY_METHOD_LABELS)[0]).toBe('online');
    expect(Object.keys(labels.PREFERRED_FORM_LABELS)[0]).toBe('electronic');
  });

  it('labels every enumeration value of the schemas it labels', () => {
    expect(sorted(Object.keys(labels.NOTICE_TYPE_LABELS))).toEqual(sorted(enumOf(noticeSchema, 'noticeType')));
    expect(sorted(Object.keys(labels.CATEGORY_LABELS))).toEqual(sorted(enumOf(projectSchema, 'category')));
    expect(sorted(Object.keys(labels.NOTICE_TYPES_BY_CATEGORY))).toEqual(sorted(enumOf(projectSchema, 'category')));
    expect(sorted(Object.keys(labels.METHOD_LABELS))).toEqual(sorted(enumOf(projectSchema, 'method')));
    expect(sorted(Object.keys(labels.PRINCIPAL_LABELS))).toEqual(sorted(enumOf(projectSchema, 'category')));
    expect(sorted(Object.keys(labels.DOCUMENT_KIND_LABELS))).toEqual(sorted(enumOf(documentSchema, 'kind')));
    expect(sorted(Object.keys(labels.APPLICANT_TYPE_LABELS))).toEqual(
      sorted(enumOf(applicationSchema, 'applicantType')),
    );
    expect(sorted(Object.keys(labels.ID_TYPE_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'idType')));
    expect(sorted([...labels.PERSONAL_ID_TYPES, ...labels.ORGANIZATION_ID_TYPES])).toEqual(
      sorted(enumOf(applicationSchema, 'idType')),
    );
    expect(sorted(Object.keys(labels.PREFERRED_FORM_LABELS))).toEqual(
      sorted(enumOf(applicationSchema, 'preferredForm')),
    );
    expect(sorted(Object.keys(labels.DELIVERY_METHOD_LABELS))).toEqual(
      sorted(enumOf(applicationSchema, 'deliveryMethod')),
    );
    expect(sorted(Object.keys(labels.APPLICATION_STATE_LABELS))).toEqual(sorted(enumOf(applicationSchema, 'state')));
    expect(sorted(Object.keys(labels.VALIDITY_LABELS))).toEqual(['inForce', 'notYetEffective', 'repealed']);
  });
});
