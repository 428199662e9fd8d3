/** Content types owned by the plugin (the applications' audit trail and the calendar overrides). */
import applications from './applications';

export default { ...applications };
