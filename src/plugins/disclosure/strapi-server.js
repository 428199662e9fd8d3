'use strict';

// The server is TypeScript compiled to dist/server by `npm run build:plugin` (Strapi loads a local plugin's server as .js only).
module.exports = require('./dist/server/index.js').default;
