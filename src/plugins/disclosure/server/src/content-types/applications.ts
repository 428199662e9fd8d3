/** Content types of the applications workflow: the audit trail of events and the admin-entered calendar days and years. */
import applicationEvent from './application-event/schema';
import calendarDay from './calendar-day/schema';
import calendarYear from './calendar-year/schema';

export default {
  'application-event': { schema: applicationEvent },
  'calendar-day': { schema: calendarDay },
  'calendar-year': { schema: calendarYear },
};
