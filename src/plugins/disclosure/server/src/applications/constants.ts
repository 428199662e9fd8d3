// Names shared by the applications workflow: content-type uids and the environment variables of its rate limits.

export const APPLICATION_UID = 'api::disclosure-application.disclosure-application';
export const ORGANIZATION_UID = 'api::organization.organization';
/** The audit trail: one row per recorded event, never changed afterwards. */
export const EVENT_UID = 'plugin::disclosure.application-event';
/** Holidays and make-up working days entered by an admin, for years the chinese-days package does not cover. */
export const CALENDAR_DAY_UID = 'plugin::disclosure.calendar-day';
/** Years whose official schedule an officer marked complete (with the notice it comes from). */
export const CALENDAR_YEAR_UID = 'plugin::disclosure.calendar-year';

/** The plugin services of this workflow (strapi.plugin('disclosure').service(name)). */
export const SERVICES = {
  applications: 'applications',
  onlineApplications: 'online-applications',
  workingCalendar: 'working-calendar',
} as const;
