// The statutory clock of disclosure applications: working-day calendar, application history and its due date.
export * from './dates';
export * from './errors';
export * from './calendar';
export * from './outcomes';
export * from './lifecycle';
