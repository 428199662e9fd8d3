// One application: its replayed status, the actions its state allows (each a form), its history and what was asked.
import * as React from 'react';
import { NavLink, useParams } from 'react-router-dom';
import { Page, Layouts, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Flex, Grid, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { API, CALENDAR_YEARS_PATH, failureOf, type ApplicationDetail, type EventType, type HistoryEvent } from './api';
import { EventForm } from './EventForm';
import { DueBadge, DueDate, Notice, StateBadge, useLabels } from './labels';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {children}
      </Flex>
    </Box>
  );
}

function Fact({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="flex-start">
      <Typography variant="sigma" textColor="neutral600">
        {name}
      </Typography>
      <Box paddingTop={1}>
        {typeof children === 'string' || typeof children === 'number' ? <Typography>{children}</Typography> : children}
      </Box>
    </Grid.Item>
  );
}

function payloadText(
  event: HistoryEvent,
  labels: ReturnType<typeof useLabels>,
  outcomes: ApplicationDetail['outcomes'],
): string {
  const p = event.payload ?? {};
  const { t, label } = labels;
  switch (event.type) {
    case 'extend':
      return t('payload.extend', '{days} working days, approved by {approver}', { days: p.days, approver: p.approver });
    case 'startConsultation':
      return t(`party.${p.party}`, String(p.party ?? ''));
    case 'conclude': {
      const outcome = outcomes.find((o) => o.code === p.outcome);
      return outcome ? label(outcome) : String(p.outcome ?? '');
    }
    default:
      return '';
  }
}

export function DetailPage() {
  const { documentId = '' } = useParams();
  const { get } = useFetchClient();
  const labels = useLabels();
  const { t, zh, label, code, event: eventName, state: stateName } = labels;
  const [detail, setDetail] = React.useState<ApplicationDetail | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [action, setAction] = React.useState<EventType | null>(null);

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: ApplicationDetail }>(API.detail(documentId));
      setDetail(res.data.data);
      setError(null);
    } catch (e) {
      setError(failureOf(e, zh).message);
    }
  }, [get, documentId, zh]);

  React.useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Page.Error />;
  if (!detail) return <Page.Loading />;

  const { application: app, status } = detail;
  // Outcome labels of past conclude events: the form's list leaves some out, the trail must still name them.
  const allOutcomes = [...detail.outcomes, ...(status?.outcome ? [status.outcome] : [])];
  const late = detail.allowedEvents.filter((type) => !detail.allowedToday.includes(type));

  return (
    <Page.Main>
      <Page.Title>{app.trackingNumber}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to=".." startIcon={<ArrowLeft />}>
            {t('back', 'Worklist')}
          </Link>
        }
        title={app.trackingNumber}
        subtitle={`${app.applicantName} · ${code('applicantType', app.applicantType)} · ${app.organization?.name ?? '—'}`}
        secondaryAction={status ? <StateBadge state={status.state} /> : undefined}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {detail.problem ? (
            <Notice variant="danger" title={t('problem', 'The history cannot be replayed')}>
              {zh ? detail.problem.messages.zh : detail.problem.messages.en}
            </Notice>
          ) : null}
          {status?.dueOnProvisional ? (
            <Notice
              variant="warning"
              title={t('calendar.provisionalTitle', 'Provisional due date')}
              action={
                <Link tag={NavLink} to={CALENDAR_YEARS_PATH}>
                  {t('calendar.complete', 'Mark a year complete')}
                </Link>
              }
            >
              {t(
                'calendar.provisionalOne',
                'The due date counts days of {years}, whose official holiday schedule is not complete: it is counted with weekends only and may move once the year is entered and marked complete.',
                { years: status.provisionalYears.join(', ') },
              )}
            </Notice>
          ) : null}

          {status ? (
            <Section title={t('section.status', 'Status')}>
              <Grid.Root gap={4}>
                <Fact name={t('fact.state', 'State')}>
                  <StateBadge state={status.state} />
                </Fact>
                <Fact name={t('fact.receivedOn', 'Received')}>{status.receivedOn}</Fact>
                <Fact name={t('fact.clockStartsOn', 'Clock starts')}>{status.clockStartsOn ?? '—'}</Fact>
                <Fact name={t('fact.dueOn', 'Reply due')}>
                  <Flex gap={2} wrap="wrap">
                    <DueDate {...status} strong />
                    {status.state !== 'concluded' ? <DueBadge {...status} /> : null}
                  </Flex>
                </Fact>
                <Fact name={t('fact.extension', 'Extension')}>
                  {status.extensionDays
                    ? t('payload.extend', '{days} working days, approved by {approver}', {
                        days: status.extensionDays,
                        approver: status.extendedBy,
                      })
                    : '—'}
                </Fact>
                <Fact name={t('fact.paused', 'Paused (consultations)')}>
                  {t('fact.workingDays', '{days} working days', { days: status.pausedWorkingDays })}
                </Fact>
                {status.correctionRequestedOn ? (
                  <Fact name={t('fact.correctionRequestedOn', 'Correction requested')}>
                    {status.correctionRequestedOn}
                  </Fact>
                ) : null}
                {status.consultingSince ? (
                  <Fact name={t('fact.consultingSince', 'Consulting since')}>
                    {`${status.consultingSince} · ${t(`party.${status.consultationParty}`, String(status.consultationParty))}`}
                  </Fact>
                ) : null}
                <Fact name={t('fact.concludedOn', 'Concluded')}>{status.concludedOn ?? '—'}</Fact>
                <Fact name={t('fact.outcome', 'Outcome')}>{status.outcome ? label(status.outcome) : '—'}</Fact>
              </Grid.Root>
              {status.concludedOutsideWorkflow ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('concludedOutside', 'Concluded in the Content Manager, without recorded events.')}
                </Typography>
              ) : null}
            </Section>
          ) : null}

          {detail.allowedEvents.length > 0 ? (
            <Section title={t('section.actions', 'Actions')}>
              <Flex gap={2} wrap="wrap">
                {detail.allowedEvents.map((type) => (
                  <Button
                    key={type}
                    variant={
                      type === 'conclude'
                        ? 'default'
                        : type === 'withdraw' || type === 'correctionExpired'
                          ? 'danger-light'
                          : 'secondary'
                    }
                    onClick={() => setAction(type)}
                  >
                    {eventName(type)}
                  </Button>
                ))}
              </Flex>
              {late.length ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('lateActions', 'Past their deadline today (record them with the day they happened): {events}', {
                    events: late.map(eventName).join(zh ? '、' : ', '),
                  })}
                </Typography>
              ) : null}
            </Section>
          ) : null}

          <Section title={t('section.history', 'History')}>
            {detail.events.length === 0 ? (
              <Typography textColor="neutral600">{t('history.empty', 'No event recorded yet.')}</Typography>
            ) : (
              <Table colCount={6} rowCount={detail.events.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('history.on', 'Date')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('history.event', 'Event')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('history.transition', 'State')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('history.details', 'Details')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('history.by', 'Recorded by')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('history.recordedAt', 'Recorded at')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {detail.events.map((e) => (
                    <Tr key={e.documentId}>
                      <Td>
                        <Typography>{e.on}</Typography>
                      </Td>
                      <Td>
                        <Typography fontWeight="bold">{eventName(e.type)}</Typography>
                      </Td>
                      <Td>
                        <Typography variant="pi">
                          {stateName(e.fromState)} → {stateName(e.toState)}
                        </Typography>
                      </Td>
                      <Td>
                        <Flex direction="column" alignItems="flex-start">
                          <Typography>{payloadText(e, labels, allOutcomes)}</Typography>
                          {e.note ? (
                            <Typography variant="pi" textColor="neutral600">
                              {e.note}
                            </Typography>
                          ) : null}
                        </Flex>
                      </Td>
                      <Td>
                        <Typography>{e.by.name}</Typography>
                      </Td>
                      <Td>
                        <Typography variant="pi" textColor="neutral600">
                          {new Date(e.recordedAt).toLocaleString(zh ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' })}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </Section>

          <Section title={t('section.application', 'Application')}>
            <Grid.Root gap={4}>
              <Fact
                name={t('fact.applicant', 'Applicant')}
              >{`${app.applicantName} (${code('applicantType', app.applicantType)})`}</Fact>
              <Fact
                name={t('fact.id', 'Identity document')}
              >{`${code('idType', app.idType)} ${app.idNumber ?? ''}`}</Fact>
              <Fact name={t('fact.contactPerson', 'Contact person')}>{app.contactPerson ?? '—'}</Fact>
              <Fact name={t('fact.phone', 'Phone')}>{app.phone ?? '—'}</Fact>
              <Fact name={t('fact.email', 'E-mail')}>{app.email ?? '—'}</Fact>
              <Fact name={t('fact.address', 'Address')}>
                {[app.address, app.postalCode].filter(Boolean).join(' ') || '—'}
              </Fact>
              <Fact name={t('fact.channel', 'Channel')}>{code('channel', app.channel)}</Fact>
              <Fact name={t('fact.preferredForm', 'Form wanted')}>{code('preferredForm', app.preferredForm)}</Fact>
              <Fact name={t('fact.deliveryMethod', 'Delivery')}>{code('deliveryMethod', app.deliveryMethod)}</Fact>
            </Grid.Root>
            <Box>
              <Typography variant="sigma" textColor="neutral600">
                {t('fact.requestedInformation', 'Information wanted')}
              </Typography>
              <Box paddingTop={1}>
                <Typography style={{ whiteSpace: 'pre-wrap' }}>{app.requestedInformation}</Typography>
              </Box>
            </Box>
          </Section>
        </Flex>
      </Layouts.Content>
      <EventForm
        detail={detail}
        type={action}
        onClose={() => setAction(null)}
        onRecorded={(next) => {
          setDetail(next);
          setAction(null);
        }}
      />
    </Page.Main>
  );
}
