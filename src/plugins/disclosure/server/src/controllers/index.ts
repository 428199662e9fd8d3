import report from './report';
import applications from './applications';
import imports from './imports';

export default { ...report, ...applications, ...imports };
