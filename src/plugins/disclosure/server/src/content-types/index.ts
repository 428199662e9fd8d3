/** Content types owned by the plugin (the applications' audit trail, the calendar overrides, imported reports). */
import applications from './applications';
import historicalReport from './historical-report/schema';

export default { ...applications, 'historical-report': { schema: historicalReport } };
