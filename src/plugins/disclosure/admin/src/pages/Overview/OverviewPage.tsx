// The compliance overview (政务公开办, auditors): every organization × year, its report's state and timeliness, problem
// counts and applications overdue now, with links to the report page and the worklist. State in the URL (shareable).
import * as React from 'react';
import { NavLink, useSearchParams } from 'react-router-dom';
import { Page, Layouts, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import {
  Badge,
  Box,
  Button,
  EmptyStateLayout,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextButton,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useIntl } from 'react-intl';
import {
  OVERVIEW_SORTS,
  REPORT_STATES,
  REPORT_STATE_LABELS,
  TIMELINESS,
  TIMELINESS_LABELS,
  type OverviewAnswer,
  type OverviewSort,
  type ReportState,
  type Timeliness,
} from '../../../../server/src/overview/contract';
import { PLUGIN_ID } from '../../pluginId';
import { Pager } from '../../components/Pager';

const API = { overview: '/disclosure/overview', xlsx: '/disclosure/overview/xlsx' };
const PAGE_SIZE = 50;

// Tinted backgrounds with dark text: the design system's own badge colours (e.g. warning600 on warning100) fall
// below WCAG AA contrast, which axe-core reports on this page.
const STATE_BACKGROUND: Record<
  ReportState,
  'neutral150' | 'secondary100' | 'danger100' | 'warning100' | 'success100' | 'alternative100'
> = {
  none: 'neutral150',
  draft: 'secondary100',
  errors: 'danger100',
  warnings: 'warning100',
  published: 'success100',
  corrected: 'alternative100',
};
const StateBadge = ({ state, children }: { state: ReportState; children: React.ReactNode }) => (
  <Badge backgroundColor={STATE_BACKGROUND[state]} textColor="neutral800">
    {children}
  </Badge>
);
const TIMELINESS_COLOR: Record<Timeliness, string> = {
  onTime: 'success700',
  late: 'danger700',
  missing: 'danger700',
  pending: 'neutral700',
  noRecords: 'neutral600',
};
/** The worklist link shows only to who may open the worklist (auditors may not). Stable: useRBAC re-checks on change. */
const WORKLIST_PERMISSIONS = [{ action: 'plugin::disclosure.applications.read', subject: null }];

function useOverviewT() {
  const intl = useIntl();
  const zh = intl.locale.toLowerCase().startsWith('zh');
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `${PLUGIN_ID}.overview.${key}`, defaultMessage }, values) as string;
  const label = (b: { zh: string; en: string }) => (zh ? b.zh : b.en);
  const date = (iso: string | null) =>
    iso ? intl.formatDate(iso, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' } as Intl.DateTimeFormatOptions) : '—';
  return { t, zh, label, date };
}

export function OverviewPage() {
  const { get } = useFetchClient();
  const { t, zh, label, date } = useOverviewT();
  const rbac = useRBAC(WORKLIST_PERMISSIONS);
  const mayOpenWorklist = !rbac.isLoading && !!rbac.allowedActions.canRead;
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const state = (params.get('state') ?? '') as ReportState | '';
  const sort = (OVERVIEW_SORTS as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as OverviewSort)
    : 'organization';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [data, setData] = React.useState<OverviewAnswer | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [exporting, setExporting] = React.useState(false);

  const query = React.useMemo(
    () => ({ ...(year ? { year } : {}), ...(state ? { state } : {}), sort, order }),
    [year, state, sort, order],
  );

  React.useEffect(() => {
    let live = true;
    get<OverviewAnswer>(API.overview, { params: { ...query, page, pageSize: PAGE_SIZE } })
      .then((res) => live && (setData(res.data), setFailed(false)))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get, query, page]);

  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const sortBy = (key: OverviewSort) => update({ sort: key, order: sort === key && order === 'asc' ? 'desc' : 'asc' });

  async function exportXlsx() {
    setExporting(true);
    try {
      const res = await get<Blob>(API.xlsx, {
        params: { ...query, locale: zh ? 'zh-Hans' : 'en' },
        responseType: 'blob',
      } as any);
      const url = URL.createObjectURL(res.data);
      const a = document.createElement('a');
      a.href = url;
      a.download = `compliance-overview-${year || 'all'}.xlsx`;
      a.click();
      URL.revokeObjectURL(url);
    } finally {
      setExporting(false);
    }
  }

  if (failed) return <Page.Error />;
  if (!data) return <Page.Loading />;
  const { pagination, counts } = data.meta;
  const years = data.meta.years;
  const thisYear = Number(data.meta.today.slice(0, 4));
  const yearChoices = [...new Set([...years, thisYear - 1, ...(year ? [Number(year)] : [])])].sort((a, b) => b - a);

  const header = (key: OverviewSort, text: string) => (
    <Th>
      <TextButton onClick={() => sortBy(key)} aria-label={t('sortBy', 'Sort by {column}', { column: text })}>
        <Typography variant="sigma">
          {text}
          {sort === key ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
        </Typography>
      </TextButton>
    </Th>
  );

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Compliance overview')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Compliance overview')}
        subtitle={t(
          'subtitle',
          'Annual reports of every organization and year, and applications overdue today ({today}). Reports are due by 31 January of the next year.',
          {
            today: data.meta.today,
          },
        )}
        primaryAction={
          <Button startIcon={<Download />} onClick={() => void exportXlsx()} loading={exporting}>
            {t('export', 'Export XLSX')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box minWidth="160px">
              <Field.Root name="year" id="overview-year">
                <Field.Label>{t('year', 'Year')}</Field.Label>
                <SingleSelect
                  value={year || 'all'}
                  onChange={(v: string | number) => update({ year: v === 'all' ? null : String(v) })}
                >
                  <SingleSelectOption value="all">{t('allYears', 'All years')}</SingleSelectOption>
                  {yearChoices.map((y) => (
                    <SingleSelectOption key={y} value={String(y)}>
                      {String(y)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="220px">
              <Field.Root name="state" id="overview-state">
                <Field.Label>{t('state', 'Report state')}</Field.Label>
                <SingleSelect
                  value={state || 'all'}
                  onChange={(v: string | number) => update({ state: v === 'all' ? null : String(v) })}
                >
                  <SingleSelectOption value="all">{t('allStates', 'All states')}</SingleSelectOption>
                  {REPORT_STATES.map((s) => (
                    <SingleSelectOption key={s} value={s}>
                      {label(REPORT_STATE_LABELS[s])}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Flex gap={2} wrap="wrap" role="group" aria-label={t('counts', 'Rows per state')}>
              {REPORT_STATES.map((s) => (
                <StateBadge key={s} state={s}>
                  {label(REPORT_STATE_LABELS[s])} · {counts.states[s]}
                </StateBadge>
              ))}
              {TIMELINESS.filter((x) => x === 'late' || x === 'missing').map((x) => (
                <Badge key={x} backgroundColor="danger100" textColor="neutral800">
                  {label(TIMELINESS_LABELS[x])} · {counts.timeliness[x]}
                </Badge>
              ))}
            </Flex>
          </Flex>

          {data.data.length === 0 ? (
            <EmptyStateLayout content={t('empty', 'No organization matches.')} />
          ) : (
            <Table colCount={8} rowCount={data.data.length + 1}>
              <Thead>
                <Tr>
                  {header('organization', t('column.organization', 'Organization'))}
                  {header('year', t('column.year', 'Year'))}
                  {header('state', t('column.state', 'Report state'))}
                  {header('timeliness', t('column.timeliness', 'Published by the deadline'))}
                  {header('errors', t('column.errors', 'Errors'))}
                  {header('warnings', t('column.warnings', 'Warnings'))}
                  {header('overdue', t('column.overdue', 'Overdue applications'))}
                  <Th>
                    <Typography variant="sigma">{t('column.links', 'Open')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.data.map((row) => (
                  <Tr key={`${row.organization.documentId}-${row.year}`}>
                    <Td>
                      <Typography fontWeight="bold">{row.organization.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>{row.year}</Typography>
                    </Td>
                    <Td>
                      <StateBadge state={row.state}>{label(REPORT_STATE_LABELS[row.state])}</StateBadge>
                      {row.corrections > 0 ? (
                        <Typography variant="pi" textColor="neutral700">
                          {' '}
                          {t('corrections', '{count} correction(s)', { count: row.corrections })}
                        </Typography>
                      ) : null}
                    </Td>
                    <Td>
                      <Typography textColor={TIMELINESS_COLOR[row.timeliness]}>
                        {label(TIMELINESS_LABELS[row.timeliness])}
                      </Typography>
                      <Typography variant="pi" textColor="neutral700">
                        {' '}
                        {row.firstPublishedAt
                          ? t('publishedOn', 'first published {date}', { date: date(row.firstPublishedAt) })
                          : t('deadline', 'due {date}', { date: row.deadline })}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography
                        textColor={row.errors ? 'danger700' : undefined}
                        fontWeight={row.errors ? 'bold' : undefined}
                      >
                        {row.errors ?? '—'}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography fontWeight={row.warnings && !row.warningsAcknowledged ? 'bold' : undefined}>
                        {row.warnings ?? '—'}
                        {row.warnings
                          ? ` ${row.warningsAcknowledged ? t('acknowledged', '(acknowledged)') : t('unacknowledged', '(not acknowledged)')}`
                          : ''}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography
                        textColor={row.overdueApplications ? 'danger700' : undefined}
                        fontWeight={row.overdueApplications ? 'bold' : undefined}
                      >
                        {row.overdueApplications}
                      </Typography>
                      <Typography variant="pi" textColor="neutral700">
                        {' '}
                        {t('open', '/ {count} open', { count: row.openApplications })}
                      </Typography>
                    </Td>
                    <Td>
                      <Flex gap={3}>
                        <Link
                          tag={NavLink}
                          to={`/plugins/${PLUGIN_ID}?organization=${encodeURIComponent(row.organization.documentId)}&year=${row.year}`}
                        >
                          {t('link.report', 'Report')}
                        </Link>
                        {mayOpenWorklist ? (
                          <Link
                            tag={NavLink}
                            to={`/plugins/${PLUGIN_ID}-applications?organization=${encodeURIComponent(row.organization.documentId)}`}
                          >
                            {t('link.applications', 'Applications')}
                          </Link>
                        ) : null}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}

          <Pager
            pagination={pagination}
            summary={t('pagination', 'Page {page} of {pageCount} · {total} rows', {
              page: pagination.page,
              pageCount: Math.max(pagination.pageCount, 1),
              total: pagination.total,
            })}
            previous={t('previous', 'Previous')}
            next={t('next', 'Next')}
            onPage={(page) => update({ page: String(page) })}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
