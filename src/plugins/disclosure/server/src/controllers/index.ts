import report from './report';
import applications from './applications';
import overview from './overview';

export default { ...report, ...applications, ...overview };
