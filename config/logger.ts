import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn quiets the start-up lines (the test suites set it); 'info' is Strapi's usual level.
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'info',
      format: winston.format.combine(formats.levelFilter(process.env.LOG_LEVEL ?? 'info'), formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' }), winston.format.errors({ stack: true })),
    }),
  ],
};
