// One recorded step of an application's handling: the audit trail, from which state and due date are replayed.
// Written by the workflow only and never changed (see applications/guard.ts); hidden from the Content Manager.
import { EVENT_TYPES, STATE_LABELS } from '../../clock';

const STATES = Object.keys(STATE_LABELS);

export default {
  kind: 'collectionType',
  collectionName: 'disclosure_application_events',
  info: {
    singularName: 'application-event',
    pluralName: 'application-events',
    displayName: '办理记录 Application event',
    description: 'A recorded event of a disclosure application (audit trail, append-only).',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  // Two officers recording an event on the same application at once both read n events and both write number n:
  // the unique index lets one of them win, so the history never forks.
  indexes: [
    {
      name: 'disclosure_application_events_sequence_uq',
      columns: ['application_document_id', 'sequence'],
      type: 'unique',
    },
  ],
  attributes: {
    /** documentId of the api::disclosure-application.disclosure-application the event belongs to. */
    applicationDocumentId: { type: 'string', required: true, maxLength: 64 },
    /** 0, 1, 2, … in the order the events were recorded. */
    sequence: { type: 'integer', required: true, min: 0 },
    eventType: { type: 'enumeration', enum: [...EVENT_TYPES], required: true },
    /** The day the event happened (the clock counts from it); createdAt is when it was recorded. */
    occurredOn: { type: 'date', required: true },
    fromState: { type: 'enumeration', enum: STATES, required: true },
    toState: { type: 'enumeration', enum: STATES, required: true },
    /** The admin user who recorded it, and their name at the time (kept if the user is later renamed or deleted). */
    byId: { type: 'integer' },
    byName: { type: 'string', maxLength: 200 },
    note: { type: 'text', maxLength: 2000 },
    /** The event's own fields: { days, approver } for extend, { party } for startConsultation, { outcome } for conclude. */
    payload: { type: 'json' },
  },
};
