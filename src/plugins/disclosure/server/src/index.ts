/** Server entry of the disclosure plugin: the annual report (compute, check, publish, render) and the applications' clock. */
import register from './register';
import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import routes from './routes';
import services from './services';

export default { register, bootstrap, config, contentTypes, controllers, routes, services };
