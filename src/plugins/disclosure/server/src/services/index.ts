import report from './report';
import drilldown from './drilldown';
import applications from './applications';
import overview from './overview';

export default { ...report, ...drilldown, ...applications, ...overview };
