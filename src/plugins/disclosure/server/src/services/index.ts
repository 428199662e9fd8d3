import report from './report';
import drilldown from './drilldown';
import applications from './applications';
import imports from './imports';

export default { ...report, ...drilldown, ...applications, ...imports };
