/** Admin permissions of the plugin: held by the disclosure officer (all) and the auditor (report.read, overview.read). */
export { ACTIONS } from './contracts/permissions';

export const ACTION_DEFINITIONS = [
  { uid: 'report.read', displayName: 'Read annual reports 查看年度报告', subCategory: 'report' },
  { uid: 'report.compute', displayName: 'Compute report tables 计算报表', subCategory: 'report' },
  { uid: 'report.publish', displayName: 'Publish annual reports 发布年度报告', subCategory: 'report' },
  { uid: 'report.import', displayName: 'Import published reports 导入历史年报', subCategory: 'report' },
  { uid: 'applications.read', displayName: 'Read applications worklist 查看申请办理', subCategory: 'applications' },
  { uid: 'applications.handle', displayName: 'Handle applications 办理申请', subCategory: 'applications' },
  { uid: 'overview.read', displayName: 'Read the compliance overview 查看公开工作总览', subCategory: 'overview' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'disclosure' }));
