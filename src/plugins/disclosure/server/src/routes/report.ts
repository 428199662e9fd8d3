/** Routes of the annual report. */
export default { admin: [] as any[], contentApi: [] as any[] };
