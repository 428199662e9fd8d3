import report from './report';
import applications from './applications';

export default { ...report, ...applications };
