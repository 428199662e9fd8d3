/** Routes of the applications workflow (worklist, transitions, online filing, status check). */
export default { admin: [] as any[], contentApi: [] as any[] };
