import report from './report';
import drilldown from './drilldown';
import applications from './applications';
import imports from './imports';
import overview from './overview';

export default { ...report, ...drilldown, ...applications, ...imports, ...overview };
