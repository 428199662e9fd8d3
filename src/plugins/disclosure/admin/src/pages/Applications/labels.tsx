// Names of states, events and due-date marks, and the badges the worklist and the detail page share.
import * as React from 'react';
import { Alert, Badge, Flex, Typography } from '@strapi/design-system';
import type { EventType, State, Urgency } from './api';
import { useT } from './i18n';

const STATE_EN: Record<State, string> = {
  received: 'In progress',
  correctionRequested: 'Awaiting correction',
  consulting: 'Consulting',
  extended: 'Extended',
  concluded: 'Concluded',
};
const EVENT_EN: Record<EventType, string> = {
  requestCorrection: 'Request correction',
  receiveCorrection: 'Correction received',
  correctionExpired: 'No correction in time',
  startConsultation: 'Start consultation',
  endConsultation: 'End consultation',
  extend: 'Extend the period',
  conclude: 'Conclude',
  withdraw: 'Withdrawn by applicant',
};
const STATE_VARIANT: Record<State, 'primary' | 'warning' | 'secondary' | 'alternative' | 'success'> = {
  received: 'primary',
  correctionRequested: 'warning',
  consulting: 'secondary',
  extended: 'alternative',
  concluded: 'success',
};

export function useLabels() {
  const { t, zh, label } = useT();
  return {
    t,
    zh,
    label,
    state: (state: State) => t(`state.${state}`, STATE_EN[state]),
    event: (type: EventType) => t(`event.${type}`, EVENT_EN[type]),
    /** Text of a coded field of the application (applicantType, channel, idType, …), falling back to the code. */
    code: (field: string, value: string | null | undefined) => (value ? t(`${field}.${value}`, value) : '—'),
  };
}

export function StateBadge({ state }: { state: State }) {
  const { state: name } = useLabels();
  return <Badge variant={STATE_VARIANT[state]}>{name(state)}</Badge>;
}

/** A due date as text, with 暂定 / provisional when it counts days of a year whose schedule is not complete. */
export function DueDate(props: {
  dueOn: string | null;
  dueOnProvisional: boolean;
  provisionalYears: number[];
  strong?: boolean;
  danger?: boolean;
}) {
  const { t } = useLabels();
  if (!props.dueOn) return <Typography>—</Typography>;
  return (
    <Flex gap={2} wrap="wrap">
      <Typography
        fontWeight={props.strong || props.danger ? 'bold' : undefined}
        textColor={props.danger ? 'danger600' : undefined}
      >
        {props.dueOn}
      </Typography>
      {props.dueOnProvisional ? (
        <Badge
          variant="warning"
          title={t(
            'urgency.provisionalWhy',
            'Counted with weekends only in {years}: its official schedule is not complete yet',
            { years: props.provisionalYears.join(', ') },
          )}
        >
          {t('urgency.provisional', 'Provisional')}
        </Badge>
      ) : null}
    </Flex>
  );
}

/** How pressing the due date is (overdue, due soon, on time) with the working days, or why there is no due date. */
export function DueBadge(props: { state: State; urgency: Urgency | null; workingDaysLeft: number | null }) {
  const { t } = useLabels();
  const { state, urgency, workingDaysLeft } = props;
  const days = (text: string) => (
    <Typography variant="pi" textColor="neutral600">
      {text}
    </Typography>
  );
  if (urgency) {
    const variant =
      urgency === 'overdue'
        ? 'danger'
        : urgency === 'dueSoon' || urgency === 'provisionalPassed'
          ? 'warning'
          : 'neutral';
    const count =
      workingDaysLeft === null || urgency === 'provisionalPassed'
        ? null
        : urgency === 'overdue'
          ? t('urgency.daysLate', '{days} working days late', { days: -workingDaysLeft })
          : workingDaysLeft === 0
            ? t('urgency.dueToday', 'due today')
            : t('urgency.daysLeft', '{days} working days left', { days: workingDaysLeft });
    return (
      <Flex gap={2} wrap="wrap">
        <Badge variant={variant}>{t(`urgency.${urgency}`, urgency)}</Badge>
        {count ? days(count) : null}
      </Flex>
    );
  }
  if (state === 'consulting') return <Badge variant="secondary">{t('urgency.paused', 'Clock paused')}</Badge>;
  if (state === 'correctionRequested')
    return <Badge variant="secondary">{t('urgency.stopped', 'Clock stopped')}</Badge>;
  return null;
}

/** An Alert the reader can dismiss (the design system always draws its close button). */
export function Notice(props: {
  variant: 'default' | 'warning' | 'danger' | 'success';
  title?: string;
  action?: React.ReactNode;
  children: React.ReactNode;
}) {
  const { t } = useLabels();
  const [open, setOpen] = React.useState(true);
  if (!open) return null;
  return (
    <Alert
      variant={props.variant}
      title={props.title}
      action={props.action}
      closeLabel={t('close', 'Close')}
      onClose={() => setOpen(false)}
    >
      {props.children}
    </Alert>
  );
}
