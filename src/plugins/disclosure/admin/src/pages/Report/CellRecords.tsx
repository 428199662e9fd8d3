// The records a cell counts, in a modal: applications by tracking number (the applicant's name only when the server
// sends personal data), cases, policy documents, decisions or fees; paginated.
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  Alert,
  Box,
  Button,
  Flex,
  Loader,
  Modal,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { API, type CellRecords, failureOf, type RecordKind, type ReportFormat } from './api';
import { type CellInfo, describeCell, formatWan, printValue } from './grid';
import { useReportT } from './i18n';

const PAGE_SIZE = 10;

type Labels = Record<string, string>;

/** Labels of record codes, taken from the format so that they match the table (zh verbatim, or English). */
function codeLabels(format: ReportFormat, en: boolean) {
  const applicantTypes: Labels = {};
  const outcomes: Labels = {};
  const caseKinds: Labels = {};
  const caseResults: Labels = {};
  const documentKinds: Labels = {};
  const decisionKinds: Labels = {};
  for (const table of format.tables)
    for (const block of table.blocks) {
      for (const c of block.columns) {
        const path = en ? c.pathEn : c.path;
        if (c.source.by === 'applicantType') applicantTypes[c.source.applicantType] = en ? c.labelEn : c.label;
        if (c.source.by === 'case') {
          caseKinds[c.source.caseKind] = path.slice(0, -1).join(' · ');
          if (c.source.result !== 'total') caseResults[c.source.result] = en ? c.labelEn : c.label;
        }
      }
      for (const r of block.rows) {
        const path = en ? r.pathEn : r.path;
        if (r.source.records === 'applications' && r.source.measure === 'concluded')
          outcomes[r.source.outcome] = path.slice(1).join(' ');
        if (r.source.records === 'policyDocuments') documentKinds[r.source.kind] = en ? r.labelEn : r.label;
        if (r.source.records === 'decisions') decisionKinds[r.source.kind] = en ? r.labelEn : r.label;
      }
    }
  return { applicantTypes, outcomes, caseKinds, caseResults, documentKinds, decisionKinds };
}

const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : v == null ? '' : String(v));

interface Column {
  key: string;
  label: string;
  render: (record: Record<string, any>) => React.ReactNode;
}

function useColumns(kind: RecordKind | undefined, personalData: boolean, format: ReportFormat): Column[] {
  const { t, en } = useReportT();
  const labels = React.useMemo(() => codeLabels(format, en), [format, en]);
  const code = (map: Labels, v: unknown) => (v == null || v === '' ? '—' : (map[String(v)] ?? String(v)));
  const state = (v: unknown) => (v == null ? '—' : t(`records.states.${String(v)}`, String(v)));
  switch (kind) {
    case 'applications':
      return [
        {
          key: 'trackingNumber',
          label: t('records.trackingNumber', 'Tracking number'),
          render: (r) => r.trackingNumber,
        },
        ...(personalData
          ? [
              {
                key: 'applicantName',
                label: t('records.applicantName', 'Applicant'),
                render: (r: Record<string, any>) => r.applicantName ?? '—',
              },
            ]
          : []),
        {
          key: 'applicantType',
          label: t('records.applicantType', 'Applicant type'),
          render: (r) => code(labels.applicantTypes, r.applicantType),
        },
        { key: 'receivedOn', label: t('records.receivedOn', 'Received on'), render: (r) => day(r.receivedOn) },
        {
          key: 'concludedOn',
          label: t('records.concludedOn', 'Concluded on'),
          render: (r) => day(r.concludedOn) || '—',
        },
        { key: 'state', label: t('records.state', 'State'), render: (r) => state(r.state) },
        { key: 'outcome', label: t('records.outcome', 'Result'), render: (r) => code(labels.outcomes, r.outcome) },
      ];
    case 'cases':
      return [
        { key: 'caseNumber', label: t('records.caseNumber', 'Case number'), render: (r) => r.caseNumber || '—' },
        { key: 'kind', label: t('records.caseKind', 'Kind'), render: (r) => code(labels.caseKinds, r.kind) },
        { key: 'filedOn', label: t('records.filedOn', 'Filed on'), render: (r) => day(r.filedOn) },
        {
          key: 'concludedOn',
          label: t('records.concludedOn', 'Concluded on'),
          render: (r) => day(r.concludedOn) || '—',
        },
        {
          key: 'result',
          label: t('records.result', 'Result'),
          render: (r) => code(labels.caseResults, r.result ?? (r.concludedOn ? null : 'pending')),
        },
      ];
    case 'policyDocuments':
      return [
        { key: 'title', label: t('records.docTitle', 'Title'), render: (r) => r.title },
        {
          key: 'documentNumber',
          label: t('records.documentNumber', 'Document number'),
          render: (r) => r.documentNumber || '—',
        },
        { key: 'kind', label: t('records.documentKind', 'Kind'), render: (r) => code(labels.documentKinds, r.kind) },
        { key: 'issuedOn', label: t('records.issuedOn', 'Issued on'), render: (r) => day(r.issuedOn) },
        { key: 'repealedOn', label: t('records.repealedOn', 'Repealed on'), render: (r) => day(r.repealedOn) || '—' },
      ];
    case 'decisions':
      return [
        {
          key: 'decisionNumber',
          label: t('records.decisionNumber', 'Decision number'),
          render: (r) => r.decisionNumber || '—',
        },
        { key: 'kind', label: t('records.decisionKind', 'Kind'), render: (r) => code(labels.decisionKinds, r.kind) },
        { key: 'decidedOn', label: t('records.decidedOn', 'Decided on'), render: (r) => day(r.decidedOn) },
      ];
    case 'fees':
      return [
        { key: 'item', label: t('records.item', 'Item'), render: (r) => r.item },
        { key: 'collectedOn', label: t('records.collectedOn', 'Collected on'), render: (r) => day(r.collectedOn) },
        {
          key: 'amount',
          label: t('records.amountYuan', 'Amount (yuan)'),
          render: (r) => formatWan(String(r.amount), 2),
        },
      ];
    default:
      return [];
  }
}

interface Props {
  cellId: string | null;
  organization: string;
  year: number;
  format: ReportFormat;
  index: Map<string, CellInfo>;
  /** The value the tables show for the cell. */
  value: number | string | undefined;
  feeDecimals: number;
  onClose: () => void;
}

export function CellRecordsModal({ cellId, organization, year, format, index, value, feeDecimals, onClose }: Props) {
  const { get } = useFetchClient();
  const { t, en } = useReportT();
  const [page, setPage] = React.useState(1);
  const [result, setResult] = React.useState<CellRecords | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState(false);

  React.useEffect(() => setPage(1), [cellId]);

  React.useEffect(() => {
    if (!cellId) return;
    let cancelled = false;
    setLoading(true);
    setError(null);
    get<CellRecords>(API.cell, { params: { organization, year, cell: cellId, page, pageSize: PAGE_SIZE } })
      .then((res) => {
        if (!cancelled) setResult(res.data);
      })
      .catch((e) => {
        if (!cancelled) {
          setResult(null);
          setError(failureOf(e).message);
        }
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [cellId, organization, year, page, get]);

  const info = cellId ? index.get(cellId) : undefined;
  const columns = useColumns(result?.meta.records, !!result?.meta.personalData, format);
  const pagination = result?.meta.pagination;
  const kind = info?.row.source.records === 'fees' ? 'money' : 'count';

  return (
    <Modal.Root open={!!cellId} onOpenChange={(open) => (!open ? onClose() : undefined)}>
      <Modal.Content aria-describedby={undefined} style={{ width: 'min(110rem, 94vw)', maxWidth: 'none' }}>
        <Modal.Header closeLabel={t('records.close', 'Close')}>
          <Modal.Title>{t('records.heading', 'Records counted in this cell')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="cell-records">
            <Box>
              <Typography variant="omega" tag="p">
                {cellId ? describeCell(format, info, cellId, en) : ''}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {t('records.value', 'Value in the table: {value}', {
                  value: printValue(value, kind, feeDecimals) || '—',
                })}
                {pagination ? ` · ${t('records.total', '{total} record(s)', { total: pagination.total })}` : ''}
              </Typography>
              {result && result.meta.records === 'applications' && !result.meta.personalData ? (
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {t('records.noPersonalData', "Applicants' names are hidden: your role may not read applications.")}
                </Typography>
              ) : null}
            </Box>
            {error ? (
              <Alert
                closeLabel={t('records.close', 'Close')}
                variant="danger"
                title={t('records.error', 'Could not load the records')}
              >
                {error}
              </Alert>
            ) : null}
            {loading && !result ? <Loader small>{t('loading', 'Loading…')}</Loader> : null}
            {result && !result.data.length ? (
              <Typography textColor="neutral600">
                {t('records.empty', 'No records: this cell counts nothing.')}
              </Typography>
            ) : null}
            {result && result.data.length ? (
              <Table colCount={columns.length} rowCount={result.data.length + 1}>
                <Thead>
                  <Tr>
                    {columns.map((c) => (
                      <Th key={c.key}>
                        <Typography variant="sigma">{c.label}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {result.data.map((record, i) => (
                    <Tr key={record.documentId ?? i}>
                      {columns.map((c) => (
                        <Td key={c.key}>
                          <Typography>{c.render(record)}</Typography>
                        </Td>
                      ))}
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
            {pagination && pagination.pageCount > 1 ? (
              <Flex
                gap={2}
                justifyContent="flex-end"
                tag="nav"
                aria-label={t('records.pagination', 'Pages of records')}
              >
                <Button variant="tertiary" disabled={page <= 1 || loading} onClick={() => setPage((p) => p - 1)}>
                  {t('records.previous', 'Previous')}
                </Button>
                <Typography aria-live="polite">
                  {t('records.page', 'Page {page} of {pageCount}', {
                    page: pagination.page,
                    pageCount: pagination.pageCount,
                  })}
                </Typography>
                <Button
                  variant="tertiary"
                  disabled={page >= pagination.pageCount || loading}
                  onClick={() => setPage((p) => p + 1)}
                >
                  {t('records.next', 'Next')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('records.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}
