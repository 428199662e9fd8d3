import { winston } from '@strapi/logger';

const level = process.env.LOG_LEVEL ?? 'info';

// LOG_LEVEL and every more severe level are printed (winston's threshold): errors are never dropped. 'info' is
// Strapi's usual level; the test suites set 'error'. (formats.levelFilter would keep ONE level only: do not use it.)
// Strapi's default format (pretty print with a timestamp) stays.
export default {
  level,
  transports: [new winston.transports.Console({ level })],
};
