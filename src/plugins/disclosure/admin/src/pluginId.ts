export const PLUGIN_ID = 'disclosure';
