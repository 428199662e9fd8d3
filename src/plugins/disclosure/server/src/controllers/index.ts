import report from './report';
import applications from './applications';
import imports from './imports';
import overview from './overview';

export default { ...report, ...applications, ...imports, ...overview };
