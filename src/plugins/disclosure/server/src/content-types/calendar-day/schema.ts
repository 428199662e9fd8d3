// A day of the official calendar entered by an admin: for a year the chinese-days package does not cover yet, or to
// correct it. Entering days does not make a year known: mark it complete as a calendar-year (see clock/calendar.ts).
export default {
  kind: 'collectionType',
  collectionName: 'disclosure_calendar_days',
  info: {
    singularName: 'calendar-day',
    pluralName: 'calendar-days',
    displayName: '节假日调整 Calendar day',
    description:
      'An official holiday or make-up working day (调休上班) for the statutory clock of applications, for years the built-in calendar does not cover.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    date: { type: 'date', required: true, unique: true },
    kind: { type: 'enumeration', enum: ['holiday', 'workday'], required: true, default: 'holiday' },
    name: { type: 'string', maxLength: 50 },
  },
};
