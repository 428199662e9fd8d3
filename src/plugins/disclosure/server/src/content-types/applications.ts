/** Content types of the applications workflow: the audit trail of events and the admin-entered calendar days. */
import applicationEvent from './application-event/schema';
import calendarDay from './calendar-day/schema';

export default {
  'application-event': { schema: applicationEvent },
  'calendar-day': { schema: calendarDay },
};
