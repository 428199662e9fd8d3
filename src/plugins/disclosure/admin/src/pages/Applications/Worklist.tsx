// The officer's worklist: open applications, most pressing first, with counts per state and the calendar's gaps;
// paged, filtered and searched on the server (URL: ?organization=&q=&filter=&page=).
import * as React from 'react';
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';
import { Page, Layouts, useFetchClient } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Link,
  Searchbar,
  SearchForm,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { API, CALENDAR_DAYS_PATH, CALENDAR_YEARS_PATH, STATES, failureOf, type State, type Worklist } from './api';
import { DueBadge, DueDate, Notice, StateBadge, useLabels } from './labels';
import { Pager } from '../../components/Pager';

type Filter = State | 'all' | 'overdue' | 'dueSoon';
const FILTERS: readonly string[] = ['all', 'overdue', 'dueSoon', ...STATES];
const PAGE_SIZE = 50;

function CountButton(props: {
  active: boolean;
  label: string;
  count: number;
  onClick: () => void;
  tone?: 'danger' | 'warning';
}) {
  const { active, label, count, onClick, tone } = props;
  return (
    <Button
      variant={active ? 'default' : tone === 'danger' ? 'danger-light' : tone === 'warning' ? 'secondary' : 'tertiary'}
      onClick={onClick}
      aria-pressed={active}
    >
      {label} · {count}
    </Button>
  );
}

export function WorklistPage() {
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const { t, zh, state: stateName, code } = useLabels();
  const [data, setData] = React.useState<Worklist | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS.includes(params.get('filter') ?? '') ? params.get('filter') : 'all') as Filter;
  const q = params.get('q') ?? '';
  const organization = params.get('organization') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = React.useState(q);
  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v && v !== 'all') p.set(k, v);
      else p.delete(k);
    }
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const setFilter = (next: Filter) => update({ filter: next });

  const load = React.useCallback(async () => {
    try {
      const query = {
        ...(organization ? { organization } : {}),
        ...(q ? { q } : {}),
        filter,
        page,
        pageSize: PAGE_SIZE,
      };
      const res = await get<{ data: Worklist }>(API.worklist, { params: query });
      setData(res.data.data);
      setError(null);
    } catch (e) {
      setError(failureOf(e, zh).message);
    }
  }, [get, zh, organization, q, filter, page]);

  React.useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;

  const items = data.items;
  const { pagination } = data;
  // Years some due date is provisional for; otherwise this year or next when its schedule is not complete yet.
  const provisional = data.items.some((i) => i.dueOnProvisional);
  const calendarLinks = (
    <Flex gap={3}>
      <Link tag={NavLink} to={CALENDAR_DAYS_PATH}>
        {t('calendar.enter', 'Enter calendar days')}
      </Link>
      <Link tag={NavLink} to={CALENDAR_YEARS_PATH}>
        {t('calendar.complete', 'Mark a year complete')}
      </Link>
    </Flex>
  );

  return (
    <Page.Main>
      <Page.Title>{t('title', 'Applications')}</Page.Title>
      <Layouts.Header
        title={t('title', 'Applications for government information')}
        subtitle={t('subtitle', 'Today {today} · "due soon" = due within {days} working days', {
          today: data.today,
          days: data.dueSoonWorkingDays,
        })}
        primaryAction={
          <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => void load()}>
            {t('refresh', 'Refresh')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {data.missingYears.length > 0 ? (
            <Notice
              variant={provisional ? 'warning' : 'default'}
              title={t('calendar.missingTitle', 'Holiday schedule of {years} not complete', {
                years: data.missingYears.join(', '),
              })}
              action={calendarLinks}
            >
              {t(
                'calendar.missing',
                'The official holidays and make-up working days of {years} are not confirmed: due dates counted into that year are provisional (weekends only) and are never shown as overdue. Enter its days under Calendar days, then mark the year complete under Calendar years with the State Council notice (e.g. 国办发明电〔2026〕N号).',
                { years: data.missingYears.join(', ') },
              )}
            </Notice>
          ) : null}

          <Flex gap={4} wrap="wrap" alignItems="center">
            <Box minWidth="320px">
              <SearchForm
                onSubmit={(e: React.FormEvent) => {
                  e.preventDefault();
                  update({ q: search.trim() || null });
                }}
              >
                <Searchbar
                  name="q"
                  value={search}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                  onClear={() => {
                    setSearch('');
                    update({ q: null });
                  }}
                  clearLabel={t('clear', 'Clear')}
                  placeholder={t('search', 'Search by tracking number or applicant name')}
                >
                  {t('search', 'Search by tracking number or applicant name')}
                </Searchbar>
              </SearchForm>
            </Box>
            {organization ? (
              <Flex gap={2}>
                <Typography>
                  {t('organizationFilter', 'Organization: {name}', {
                    name: items[0]?.organization?.name ?? organization,
                  })}
                </Typography>
                <Button variant="tertiary" size="S" onClick={() => update({ organization: null })}>
                  {t('allOrganizations', 'All organizations')}
                </Button>
              </Flex>
            ) : null}
          </Flex>

          <Flex gap={2} wrap="wrap" role="group" aria-label={t('counts', 'Counts per state')}>
            <CountButton
              active={filter === 'all'}
              label={t('filter.open', 'Open')}
              count={data.counts.open}
              onClick={() => setFilter('all')}
            />
            {STATES.filter((s) => s !== 'concluded').map((s) => (
              <CountButton
                key={s}
                active={filter === s}
                label={stateName(s)}
                count={data.counts.byState[s]}
                onClick={() => setFilter(s)}
              />
            ))}
            <CountButton
              active={filter === 'overdue'}
              tone="danger"
              label={t('filter.overdue', 'Overdue')}
              count={data.counts.overdue}
              onClick={() => setFilter('overdue')}
            />
            <CountButton
              active={filter === 'dueSoon'}
              tone="warning"
              label={t('filter.dueSoon', 'Due soon')}
              count={data.counts.dueSoon}
              onClick={() => setFilter('dueSoon')}
            />
            <Box paddingLeft={2} paddingTop={2}>
              <Typography variant="pi" textColor="neutral600">
                {stateName('concluded')} · {data.counts.byState.concluded}
              </Typography>
            </Box>
          </Flex>

          {items.length === 0 ? (
            <EmptyStateLayout content={t('empty', 'No open application here.')} />
          ) : (
            <Table colCount={7} rowCount={items.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('column.trackingNumber', 'Tracking number')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('column.applicant', 'Applicant')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('column.organization', 'Organization')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('column.receivedOn', 'Received')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('column.state', 'State')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('column.dueOn', 'Due')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('column.urgency', 'Time left')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {items.map((item) => (
                  <Tr
                    key={item.documentId}
                    onClick={() => navigate(item.documentId)}
                    style={{ cursor: 'pointer' }}
                    aria-label={item.trackingNumber}
                  >
                    <Td>
                      <Typography fontWeight="bold">{item.trackingNumber}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.applicantName}</Typography>{' '}
                      <Typography variant="pi" textColor="neutral600">
                        {code('applicantType', item.applicantType)}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{item.organization?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{item.receivedOn}</Typography>
                    </Td>
                    <Td>
                      <StateBadge state={item.state} />
                    </Td>
                    <Td>
                      <DueDate {...item} danger={item.urgency === 'overdue'} />
                    </Td>
                    <Td>
                      {item.problem ? (
                        <Typography textColor="danger600">
                          {zh ? item.problem.messages.zh : item.problem.messages.en}
                        </Typography>
                      ) : (
                        <DueBadge {...item} />
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}

          <Pager
            pagination={pagination}
            summary={t('pagination', 'Page {page} of {pageCount} · {total} applications', {
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
