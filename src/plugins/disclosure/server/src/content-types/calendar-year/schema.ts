// One year of the official holiday schedule (放假安排), as announced by the State Council in one notice. A year the
// chinese-days package does not list counts as known only once an officer marks it complete here, naming the notice:
// until then due dates over that year are provisional (see clock/calendar.ts). Rules: applications/calendar-year.ts.
export default {
  kind: 'collectionType',
  collectionName: 'disclosure_calendar_years',
  info: {
    singularName: 'calendar-year',
    pluralName: 'calendar-years',
    displayName: '节假日安排年度 Calendar year',
    description:
      'Marks the official holiday schedule of a year complete (with the State Council notice it comes from), once its holidays and make-up working days are entered as calendar days.',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
    i18n: { localized: false },
  },
  attributes: {
    year: { type: 'integer', required: true, unique: true, min: 2000, max: 2100 },
    complete: { type: 'boolean', required: true, default: false },
    /** e.g. 国办发明电〔2026〕N号; required when complete. */
    sourceNotice: { type: 'string', maxLength: 100 },
    /** Filled in by the server when the year is marked complete (who and when), cleared when it is reopened. */
    completedBy: { type: 'string', maxLength: 200 },
    completedAt: { type: 'datetime' },
  },
};
