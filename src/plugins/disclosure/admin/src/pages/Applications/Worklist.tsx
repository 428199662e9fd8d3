// The officer's worklist: open applications, most pressing first, with counts per state and the calendar's gaps.
import * as React from 'react';
import { NavLink, useNavigate } from 'react-router-dom';
import { Page, Layouts, useFetchClient } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { API, CALENDAR_DAYS_PATH, STATES, failureOf, type State, type Worklist } from './api';
import { DueBadge, Notice, StateBadge, useLabels } from './labels';

type Filter = State | 'all' | 'overdue' | 'dueSoon';

function CountButton(props: { active: boolean; label: string; count: number; onClick: () => void; tone?: 'danger' | 'warning' }) {
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
  const [filter, setFilter] = React.useState<Filter>('all');

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: Worklist }>(API.worklist);
      setData(res.data.data);
      setError(null);
    } catch (e) {
      setError(failureOf(e, zh).message);
    }
  }, [get, zh]);

  React.useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Page.Error />;
  if (!data) return <Page.Loading />;

  const items = data.items.filter((item) =>
    filter === 'all' ? true : filter === 'overdue' || filter === 'dueSoon' ? item.urgency === filter : item.state === filter,
  );
  const year = Number(data.today.slice(0, 4));
  const needed = [...new Set(data.items.map((i) => i.missingCalendarYear).filter((y): y is number => y !== null))];
  const uncovered = data.calendar.filter((c) => !c.covered).map((c) => c.year);
  const calendarLink = <Link tag={NavLink} to={CALENDAR_DAYS_PATH}>{t('calendar.enter', 'Enter calendar days')}</Link>;

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
          {needed.length > 0 || uncovered.includes(year) ? (
            <Notice variant="warning" title={t('calendar.missingTitle', 'Holiday calendar missing')} action={calendarLink}>
              {t(
                'calendar.missing',
                'The official holidays of {years} are not entered: due dates in that year cannot be computed. Enter them under Calendar days.',
                { years: [...new Set([...needed, ...uncovered.filter((y) => y === year)])].join(', ') },
              )}
            </Notice>
          ) : uncovered.length > 0 ? (
            <Notice variant="default" title={t('calendar.nextTitle', 'Next year')} action={calendarLink}>
              {t('calendar.next', 'The holidays of {years} are not entered yet (the State Council announces them late in the year).', {
                years: uncovered.join(', '),
              })}
            </Notice>
          ) : null}

          <Flex gap={2} wrap="wrap" role="group" aria-label={t('counts', 'Counts per state')}>
            <CountButton active={filter === 'all'} label={t('filter.open', 'Open')} count={data.counts.open} onClick={() => setFilter('all')} />
            {STATES.filter((s) => s !== 'concluded').map((s) => (
              <CountButton key={s} active={filter === s} label={stateName(s)} count={data.counts.byState[s]} onClick={() => setFilter(s)} />
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
                  <Th><Typography variant="sigma">{t('column.trackingNumber', 'Tracking number')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('column.applicant', 'Applicant')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('column.organization', 'Organization')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('column.receivedOn', 'Received')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('column.state', 'State')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('column.dueOn', 'Due')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('column.urgency', 'Time left')}</Typography></Th>
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
                      <Typography fontWeight={item.urgency === 'overdue' ? 'bold' : undefined} textColor={item.urgency === 'overdue' ? 'danger600' : undefined}>
                        {item.dueOn ?? '—'}
                      </Typography>
                    </Td>
                    <Td>
                      {item.problem ? (
                        <Typography textColor="danger600">{zh ? item.problem.messages.zh : item.problem.messages.en}</Typography>
                      ) : (
                        <DueBadge {...item} />
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
