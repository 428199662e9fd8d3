import report from './report';
import drilldown from './drilldown';
import applications from './applications';

export default { ...report, ...drilldown, ...applications };
