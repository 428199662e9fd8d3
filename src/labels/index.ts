/**
 * What editors see of the content model, declared once: each field's Chinese (and English) label and expected form,
 * each enumeration value's label, and each list view's columns and order. Read by the Content Manager set-up
 * (src/bootstrap/content-manager.ts), the admin's enumeration select and list cells (src/admin/) and the write
 * rules' messages (src/validation/). Plain data with no Strapi import, so both the server and the admin bundle use it.
 */
import { CATEGORY_LABELS, NOTICE_TYPES, NOTICE_TYPES_BY_CATEGORY } from '../api/transaction-project/domain/process';

export type Bilingual = { zh: string; en: string };
export type FieldLabel = Bilingual & {
  /** The expected form, shown under the field in the edit view. */
  hint?: string;
  /** Written only by the plugin: shown read-only, or not shown at all in the edit view (any write of it is dropped). */
  edit?: 'readOnly' | 'hidden';
};
export type ViewSpec = {
  fields: Record<string, FieldLabel>;
  /** List view columns (Strapi's default is the first four attributes: ID, slug…). */
  list?: string[];
  sort?: { by: string; order: 'ASC' | 'DESC' };
  pageSize?: number;
  /** The field shown for a document in relations and titles. */
  mainField?: string;
};

const L = (zh: string, en: string, hint?: string): FieldLabel => (hint ? { zh, en, hint } : { zh, en });

const ORGANIZATION = L('所属机构', 'Organization', '报告按机构统计');
const SLUG = L('网址标识', 'Slug', '留空则按标题拼音自动生成；小写字母、数字和连字符，如 zhu-zheng-2021-12');
const BODY = L('正文', 'Body', 'Markdown；可从 Word/WPS 直接粘贴，编号、粗体和表格会保留');
const ATTACHMENTS = L('附件', 'Attachments');
const DATE_HINT = '日期，格式 YYYY-MM-DD';
const PHONE = L('电话', 'Phone', '数字、空格、+ - ( )，如 0396-2827777');
const POSTCODE = L('邮政编码', 'Postcode', '6 位数字，如 463000');
const WORKING_HOURS = L('办公时间', 'Working hours', '如 工作日 上午 8:30–12:00，下午 14:30–17:30');
const MONEY_HINT = '以字符串保存的精确金额，最多 6 位小数，如 1250000.00';

export const CONTENT_VIEWS: Record<string, ViewSpec> = {
  'api::policy-document.policy-document': {
    fields: {
      title: L('标题', 'Title'),
      slug: SLUG,
      documentNumber: L('文号', 'Document number', '如 驻政〔2021〕12号 或 驻马店市人民政府令第3号（六角括号〔〕）'),
      kind: L('文件类别', 'Kind', '规章 / 行政规范性文件 / 其他：决定年度报告表二的统计'),
      issuingBody: L('发文机关', 'Issuing body'),
      issuedOn: L('成文日期', 'Issued on', DATE_HINT),
      effectiveOn: L('施行日期', 'Effective on', `${DATE_HINT}；不早于成文日期`),
      repealedOn: L('废止日期', 'Repealed on', `${DATE_HINT}；未废止留空`),
      summary: L('摘要', 'Summary'),
      body: BODY,
      attachments: ATTACHMENTS,
      organization: ORGANIZATION,
    },
    list: ['title', 'documentNumber', 'kind', 'issuedOn'],
    sort: { by: 'issuedOn', order: 'DESC' },
    pageSize: 20,
    mainField: 'title',
  },
  'api::transaction-project.transaction-project': {
    fields: {
      name: L('项目名称', 'Project name'),
      slug: SLUG,
      category: L('交易类别', 'Category', '决定可用的公告类型'),
      dealCode: L('统一交易标识码', 'Unified deal code', '10–40 位大写字母、数字或连字符'),
      projectCode: L('项目编号', 'Project code', '字母或数字开头，3–60 位，如 ZMDGC-2021-018'),
      sectionCode: L('标段（包）编号', 'Section code'),
      registeredOn: L('登记日期', 'Registered on', DATE_HINT),
      principal: L('招标人/采购人/出让人', 'Principal'),
      agency: L('代理机构', 'Agency'),
      method: L('交易方式', 'Method'),
      region: L('区域', 'Region'),
      budget: L('预算金额/合同估算价', 'Budget'),
      keyTimes: L('关键时间', 'Key times', '获取文件 → 投标截止 → 开标，依次不得提前'),
      candidates: L('中标候选人', 'Candidates', '名次 1–3，不得重复'),
      winner: L('中标人/成交供应商', 'Winner'),
      winningAmount: L('中标（成交）金额', 'Winning amount'),
      contractSignedOn: L('合同签订日期', 'Contract signed on', DATE_HINT),
      hasComplaint: L('有异议投诉', 'Has complaint'),
      notices: L('交易公告', 'Notices'),
      organization: ORGANIZATION,
    },
    list: ['name', 'projectCode', 'category', 'registeredOn'],
    sort: { by: 'registeredOn', order: 'DESC' },
    pageSize: 20,
    mainField: 'name',
  },
  'api::transaction-notice.transaction-notice': {
    fields: {
      title: L('公告标题', 'Title'),
      slug: SLUG,
      noticeType: L('公告类型', 'Notice type', '须属于所属项目的交易类别'),
      releasedAt: L('发布时间', 'Released at'),
      publicityStart: L('公示开始日期', 'Publicity from', DATE_HINT),
      publicityEnd: L('公示结束日期', 'Publicity until', `${DATE_HINT}；不早于开始日期`),
      body: BODY,
      attachments: ATTACHMENTS,
      project: L('所属项目', 'Project', '必填'),
      category: { ...L('交易类别', 'Category', '随所属项目自动填写，不必编辑'), edit: 'readOnly' },
    },
    list: ['title', 'noticeType', 'project', 'releasedAt'],
    sort: { by: 'releasedAt', order: 'DESC' },
    pageSize: 20,
    mainField: 'title',
  },
  'api::ca-provider.ca-provider': {
    fields: {
      name: L('机构名称', 'Name'),
      shortName: L('简称', 'Short name'),
      slug: SLUG,
      introduction: L('简介', 'Introduction'),
      fees: L('收费标准', 'Fee schedule'),
      addresses: L('办理地址', 'Service addresses'),
      steps: L('办理流程', 'Steps'),
      website: L('网址', 'Website', '以 http:// 或 https:// 开头'),
      hotline: L('服务热线', 'Hotline', PHONE.hint),
      provinceWide: L('全省互认', 'Recognised province-wide'),
      displayOrder: L('排序', 'Display order', '数字小的在前'),
    },
    list: ['name', 'shortName', 'provinceWide', 'displayOrder'],
    sort: { by: 'displayOrder', order: 'ASC' },
    mainField: 'name',
  },
  'api::organization.organization': {
    fields: {
      name: L('机构名称', 'Name'),
      shortName: L('简称', 'Short name'),
      creditCode: L(
        '统一社会信用代码',
        'Unified social credit code',
        '18 位，含 GB 32100-2015 校验位，如 12411700MB1C37466U',
      ),
      kind: L('机构类型', 'Kind'),
      canIssueRegulations: L('可制定规章', 'Can issue regulations'),
      parent: L('上级机构', 'Parent'),
      displayOrder: L('排序', 'Display order', '数字小的在前'),
      isSiteHost: L(
        '网站主办单位',
        'Hosts the public site',
        '勾选的机构显示在公开网站页脚（主办单位、联系方式、网站标识码、备案号）；只勾选一个',
      ),
      address: L('地址', 'Address'),
      postcode: POSTCODE,
      phone: PHONE,
      email: L('电子邮箱', 'Email', '如 ggzy@example.gov.cn'),
      workingHours: WORKING_HOURS,
      siteCode: L('网站标识码', 'Website identification code', '10 位字母或数字（政府网站标识码），如 4117000001'),
      icpNumber: L('ICP 备案号', 'ICP licence number', '如 豫ICP备12345678号-1'),
      publicSecurityNumber: L('公安机关备案号', 'Public security filing number', '如 豫公网安备 41170202000001号'),
      members: L(
        '机构成员（管理员）',
        'Members (admin users)',
        '本机构的信息公开专员和内容编辑：带“属于本人所在机构”条件的角色只看到本机构的记录',
      ),
    },
    list: ['name', 'shortName', 'kind', 'creditCode'],
    sort: { by: 'displayOrder', order: 'ASC' },
    mainField: 'name',
  },
  'api::annual-report.annual-report': {
    fields: {
      title: L('标题', 'Title'),
      organization: ORGANIZATION,
      year: L('年度', 'Year', '如 2021'),
      formatVersion: L('报告格式', 'Format'),
      overview: L('一、总体情况', 'I. Overview'),
      problems: L('五、存在的主要问题及改进情况', 'V. Problems and improvements'),
      otherMatters: L('六、其他需要报告的事项', 'VI. Other matters'),
      tables: { ...L('统计表（计算结果）', 'Tables (computed)', '在“年度报告”页面计算，不在此编辑'), edit: 'readOnly' },
      acknowledgement: { ...L('警告确认', 'Acknowledged warnings', '在“年度报告”页面确认'), edit: 'readOnly' },
      publication: { ...L('发布记录', 'Publication record'), edit: 'hidden' },
      publicJson: { ...L('公开的报告 JSON', 'Public report JSON'), edit: 'hidden' },
      publicationRevision: { ...L('发布次数', 'Publication revision'), edit: 'hidden' },
      // The compliance overview's columns: written by the plugin when it computes, acknowledges and publishes.
      errorCount: { ...L('错误数', 'Errors'), edit: 'hidden' },
      warningCount: { ...L('提醒数', 'Warnings'), edit: 'hidden' },
      warningsAcknowledged: { ...L('提醒已确认', 'Warnings acknowledged'), edit: 'hidden' },
      firstPublishedAt: { ...L('首次发布时间', 'First published at'), edit: 'hidden' },
      correctionCount: { ...L('更正次数', 'Corrections'), edit: 'hidden' },
    },
    list: ['title', 'organization', 'year'],
    sort: { by: 'year', order: 'DESC' },
    mainField: 'title',
  },
  'api::disclosure-guide.disclosure-guide': {
    fields: {
      title: L('标题', 'Title', '如 驻马店市公共资源交易中心政府信息公开指南'),
      body: L(
        '指南正文',
        'Guide',
        'Markdown：公开方式、申请方式和流程、处理期限；可从 Word/WPS 粘贴（保留编号、粗体和表格）',
      ),
      fees: L('收费说明', 'Fees', 'Markdown：信息处理费的标准和依据（国办函〔2020〕109号）'),
      acceptingOffice: L('受理机构', 'Accepting office', '受理政府信息公开申请的机构名称'),
      address: L('受理地址', 'Address'),
      postcode: POSTCODE,
      phone: L('咨询电话', 'Phone', PHONE.hint),
      fax: L('传真', 'Fax', PHONE.hint),
      email: L('电子邮箱', 'Email', '如 gkb@example.gov.cn'),
      workingHours: WORKING_HOURS,
      organization: L('所属机构', 'Organization', '指南所属的机构'),
    },
  },
  'plugin::disclosure.calendar-day': {
    fields: {
      date: L('日期', 'Date', DATE_HINT),
      kind: L('类型', 'Kind', '放假：法定节假日；调休上班：周末补班'),
      name: L('名称', 'Name', '如 春节、国庆节调休'),
    },
    list: ['date', 'kind', 'name'],
    sort: { by: 'date', order: 'DESC' },
    mainField: 'name',
  },
  'plugin::disclosure.calendar-year': {
    fields: {
      year: L('年度', 'Year', '如 2027'),
      complete: L('已录入全年安排', 'Complete', '勾选前须录入该年全部节假日和调休上班日，并填写通知文号'),
      sourceNotice: L('国务院办公厅通知', 'Source notice', '如 国办发明电〔2026〕5号；勾选“已录入全年安排”时必填'),
      completedBy: { ...L('确认人', 'Completed by', '勾选“已录入全年安排”时由系统记录'), edit: 'readOnly' },
      completedAt: { ...L('确认时间', 'Completed at', '由系统记录'), edit: 'readOnly' },
    },
    list: ['year', 'complete', 'sourceNotice'],
    sort: { by: 'year', order: 'DESC' },
  },
  // Written only by the import (信息公开 › 导入历史年报); the officer reads and deletes here, never edits.
  'plugin::disclosure.historical-report': {
    fields: {
      title: { ...L('标题', 'Title'), edit: 'readOnly' },
      organization: { ...ORGANIZATION, edit: 'readOnly' },
      year: { ...L('年度', 'Year'), edit: 'readOnly' },
      source: { ...L('来源', 'Source', '导入的已发布报告'), edit: 'readOnly' },
      formatVersion: { ...L('报告格式', 'Format'), edit: 'readOnly' },
      cells: { ...L('统计表（导入）', 'Tables (imported)', '在“导入历史年报”页面重新导入以更改'), edit: 'readOnly' },
      sections: { ...L('正文各部分', 'Sections'), edit: 'hidden' },
      problems: { ...L('审核结果', 'Audit'), edit: 'hidden' },
      text: { ...L('读取的文本', 'Text read'), edit: 'hidden' },
      sourceForm: { ...L('原始形式', 'Source form'), edit: 'readOnly' },
      file: { ...L('原始文件', 'Original file'), edit: 'readOnly' },
      importedBy: { ...L('导入人', 'Imported by'), edit: 'readOnly' },
      importedById: { ...L('导入人编号', 'Imported by (id)'), edit: 'hidden' },
      importedAt: { ...L('导入时间', 'Imported at'), edit: 'readOnly' },
    },
    list: ['title', 'organization', 'year', 'importedAt'],
    sort: { by: 'year', order: 'DESC' },
    mainField: 'title',
  },
  'api::disclosure-application.disclosure-application': {
    fields: {
      trackingNumber: L('受理编号', 'Tracking number', '大写字母、数字或连字符，4–40 位'),
      receivedOn: L('收到日期', 'Received on', `${DATE_HINT}；不得晚于今天`),
      channel: L('申请渠道', 'Channel'),
      applicantType: L('申请人类型', 'Applicant type'),
      applicantName: L('申请人姓名/名称', 'Applicant name'),
      idType: L('证件类型', 'ID type'),
      idNumber: L('证件号码', 'ID number', '居民身份证 18 位（含校验位）；统一社会信用代码 18 位'),
      contactPerson: L('联系人', 'Contact person'),
      phone: PHONE,
      email: L('电子邮箱', 'Email'),
      address: L('通信地址', 'Address'),
      postalCode: POSTCODE,
      requestedInformation: L('所需信息内容描述', 'Information requested'),
      preferredForm: L('获取信息的载体形式', 'Preferred form'),
      deliveryMethod: L('获取信息的方式', 'Delivery method'),
      state: L('办理状态', 'State'),
      concludedOn: L('办结日期', 'Concluded on', `${DATE_HINT}；与办理结果同时填写`),
      outcome: L('办理结果', 'Outcome', '年度报告表三的 21 种结果之一'),
      queryCodeHash: L('查询码（散列）', 'Query code hash'),
      notes: L('备注', 'Notes'),
      organization: L('受理机构', 'Organization'),
    },
    list: ['trackingNumber', 'receivedOn', 'applicantType', 'state'],
    sort: { by: 'receivedOn', order: 'DESC' },
    pageSize: 20,
    mainField: 'trackingNumber',
  },
  'api::review-case.review-case': {
    fields: {
      caseNumber: L('案号', 'Case number'),
      kind: L('类别', 'Kind'),
      filedOn: L('立案日期', 'Filed on', `${DATE_HINT}；不得晚于今天`),
      concludedOn: L('审结日期', 'Concluded on', `${DATE_HINT}；与结果同时填写`),
      result: L('结果', 'Result'),
      summary: L('案情摘要', 'Summary'),
      application: L('相关申请', 'Related application'),
      organization: ORGANIZATION,
    },
    list: ['caseNumber', 'kind', 'filedOn', 'result'],
    sort: { by: 'filedOn', order: 'DESC' },
    mainField: 'caseNumber',
  },
  'api::administrative-decision.administrative-decision': {
    fields: {
      kind: L('决定类别', 'Kind'),
      decisionNumber: L('决定书文号', 'Decision number'),
      decidedOn: L('决定日期', 'Decided on', `${DATE_HINT}；不得晚于今天`),
      subject: L('事项', 'Subject'),
      organization: ORGANIZATION,
    },
    list: ['decisionNumber', 'kind', 'decidedOn', 'organization'],
    sort: { by: 'decidedOn', order: 'DESC' },
    pageSize: 20,
    mainField: 'decisionNumber',
  },
  'api::fee.fee': {
    fields: {
      item: L('收费项目', 'Item'),
      collectedOn: L('收费日期', 'Collected on', `${DATE_HINT}；不得晚于今天`),
      amount: L('金额（元）', 'Amount (yuan)', '元，最多 2 位小数'),
      payer: L('缴费人', 'Payer'),
      organization: ORGANIZATION,
    },
    list: ['item', 'amount', 'collectedOn', 'organization'],
    sort: { by: 'collectedOn', order: 'DESC' },
    pageSize: 20,
    mainField: 'item',
  },
  'ca.fee-item': {
    fields: {
      item: L('项目', 'Item'),
      price: L('价格（元）', 'Price (yuan)', '如 200 或 99.50'),
      unit: L('计价单位', 'Per'),
      note: L('说明', 'Note'),
    },
  },
  'ca.service-address': {
    fields: { name: L('网点名称', 'Name'), address: L('地址', 'Address'), phone: PHONE, hours: L('办公时间', 'Hours') },
  },
  'ca.step': {
    fields: {
      order: L('步骤序号', 'Order'),
      title: L('步骤', 'Title'),
      description: L('说明', 'Description'),
      materials: L('所需材料', 'Materials'),
    },
  },
  'shared.money': {
    fields: { amount: L('金额', 'Amount', MONEY_HINT), currency: L('币种', 'Currency'), unit: L('单位', 'Unit') },
  },
  'trading.candidate': {
    fields: {
      rank: L('名次', 'Rank', '1–3'),
      name: L('候选人名称', 'Name'),
      bidAmount: L('投标报价', 'Bid amount', MONEY_HINT),
      bidUnit: L('报价单位', 'Unit'),
    },
  },
  'trading.key-times': {
    fields: {
      documentsFrom: L('文件获取开始时间', 'Documents from'),
      documentsUntil: L('文件获取截止时间', 'Documents until'),
      bidDeadline: L('投标截止时间', 'Bid deadline'),
      bidOpeningAt: L('开标时间', 'Bid opening'),
      bidOpeningPlace: L('开标地点', 'Bid opening place'),
    },
  },
};

const labelsOf = <K extends string>(source: Record<K, Bilingual>): Record<K, Bilingual> =>
  Object.fromEntries(Object.entries<Bilingual>(source).map(([code, { zh, en }]) => [code, { zh, en }])) as Record<
    K,
    Bilingual
  >;

const MONEY_UNITS = { yuan: { zh: '元', en: 'yuan' }, wanYuan: { zh: '万元', en: '10,000 yuan' } };

/** Table 三's 21 result rows (条例 and 国办公开办函〔2021〕30号); the report format prints them with their group. */
export const OUTCOME_LABELS: Record<string, Bilingual> = {
  granted: { zh: '予以公开', en: 'Disclosed' },
  partiallyGranted: { zh: '部分公开', en: 'Partially disclosed' },
  'withheld.stateSecret': { zh: '不予公开：属于国家秘密', en: 'Withheld: state secret' },
  'withheld.prohibitedByLaw': { zh: '不予公开：其他法律行政法规禁止公开', en: 'Withheld: prohibited by law' },
  'withheld.threeSecurities': {
    zh: '不予公开：危及“三安全一稳定”',
    en: 'Withheld: three securities and one stability',
  },
  'withheld.thirdPartyRights': { zh: '不予公开：保护第三方合法权益', en: "Withheld: third parties' rights" },
  'withheld.internalAffairs': { zh: '不予公开：属于三类内部事务信息', en: 'Withheld: internal affairs' },
  'withheld.processInformation': { zh: '不予公开：属于四类过程性信息', en: 'Withheld: process information' },
  'withheld.enforcementFiles': { zh: '不予公开：属于行政执法案卷', en: 'Withheld: enforcement files' },
  'withheld.administrativeQuery': { zh: '不予公开：属于行政查询事项', en: 'Withheld: administrative query' },
  'unavailable.notHeld': { zh: '无法提供：本机关不掌握相关政府信息', en: 'Unavailable: not held' },
  'unavailable.needsCreation': { zh: '无法提供：没有现成信息需要另行制作', en: 'Unavailable: would need creating' },
  'unavailable.unclearAfterCorrection': {
    zh: '无法提供：补正后申请内容仍不明确',
    en: 'Unavailable: unclear after correction',
  },
  'notProcessed.petition': { zh: '不予处理：信访举报投诉类申请', en: 'Not processed: petition or complaint' },
  'notProcessed.duplicate': { zh: '不予处理：重复申请', en: 'Not processed: duplicate' },
  'notProcessed.publication': { zh: '不予处理：要求提供公开出版物', en: 'Not processed: publication' },
  'notProcessed.vexatious': { zh: '不予处理：无正当理由大量反复申请', en: 'Not processed: vexatious' },
  'notProcessed.confirmation': {
    zh: '不予处理：要求行政机关确认或重新出具已获取信息',
    en: 'Not processed: confirmation',
  },
  'otherDisposal.noCorrection': { zh: '其他处理：逾期不补正', en: 'Other: no correction in time' },
  'otherDisposal.feeUnpaid': { zh: '其他处理：逾期未缴纳费用', en: 'Other: fee unpaid' },
  'otherDisposal.other': { zh: '其他处理：其他', en: 'Other: other' },
};

/** Labels of every enumeration value, by type (or component) and field. A value without a label shows its code. */
export const ENUM_LABELS: Record<string, Record<string, Record<string, Bilingual>>> = {
  'api::policy-document.policy-document': {
    kind: {
      regulation: { zh: '规章', en: 'Government rules' },
      normative: { zh: '行政规范性文件', en: 'Normative document' },
      other: { zh: '其他', en: 'Other' },
    },
  },
  'api::transaction-project.transaction-project': {
    category: labelsOf(CATEGORY_LABELS),
    method: {
      openTender: { zh: '公开招标', en: 'Open tender' },
      invitedTender: { zh: '邀请招标', en: 'Invited tender' },
      competitiveNegotiation: { zh: '竞争性谈判', en: 'Competitive negotiation' },
      competitiveConsultation: { zh: '竞争性磋商', en: 'Competitive consultation' },
      singleSource: { zh: '单一来源', en: 'Single source' },
      inquiry: { zh: '询价', en: 'Request for quotations' },
      listing: { zh: '挂牌', en: 'Listing' },
      auction: { zh: '拍卖', en: 'Auction' },
      bidding: { zh: '招标', en: 'Bidding' },
      agreement: { zh: '协议', en: 'Agreement' },
    },
  },
  'api::transaction-notice.transaction-notice': {
    noticeType: labelsOf(NOTICE_TYPES),
    category: labelsOf(CATEGORY_LABELS),
  },
  'api::organization.organization': {
    kind: {
      tradingCenter: { zh: '公共资源交易中心', en: 'Trading center' },
      governmentDepartment: { zh: '政府部门', en: 'Government department' },
      publicInstitution: { zh: '事业单位', en: 'Public institution' },
      districtBranch: { zh: '县区分中心', en: 'District branch' },
      other: { zh: '其他', en: 'Other' },
    },
  },
  'api::annual-report.annual-report': {
    formatVersion: { 'gov-2021': { zh: '国办公开办函〔2021〕30号', en: 'National format 2021' } },
  },
  'plugin::disclosure.historical-report': {
    source: { imported: { zh: '导入', en: 'Imported' } },
    formatVersion: {
      'gov-2021': { zh: '国办公开办函〔2021〕30号', en: 'National format 2021' },
      'gov-2019': { zh: '国办公开办函〔2019〕60号', en: 'National format 2019' },
    },
    sourceForm: {
      text: { zh: '文本', en: 'Text' },
      html: { zh: '网页', en: 'Web page' },
      docx: { zh: 'Word 文档', en: 'Word document' },
      pdf: { zh: 'PDF', en: 'PDF' },
    },
  },
  'api::disclosure-application.disclosure-application': {
    channel: {
      online: { zh: '网上申请', en: 'Online' },
      inPerson: { zh: '当面申请', en: 'In person' },
      letter: { zh: '信函', en: 'Letter' },
      fax: { zh: '传真', en: 'Fax' },
      email: { zh: '电子邮件', en: 'Email' },
      other: { zh: '其他', en: 'Other' },
    },
    applicantType: {
      naturalPerson: { zh: '自然人', en: 'Natural person' },
      commercialEnterprise: { zh: '商业企业', en: 'Commercial enterprise' },
      researchInstitution: { zh: '科研机构', en: 'Research institution' },
      socialWelfareOrganization: { zh: '社会公益组织', en: 'Social welfare organization' },
      legalServiceOrganization: { zh: '法律服务机构', en: 'Legal service organization' },
      otherOrganization: { zh: '其他组织', en: 'Other organization' },
    },
    idType: {
      residentId: { zh: '居民身份证', en: 'Resident identity card' },
      passport: { zh: '护照', en: 'Passport' },
      otherPersonalId: { zh: '其他个人证件', en: 'Other personal ID' },
      creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
      otherOrganizationId: { zh: '其他组织证件', en: 'Other organization ID' },
    },
    // In the order the public apply form offers them (the first is its default).
    preferredForm: {
      electronic: { zh: '电子数据', en: 'Electronic' },
      paper: { zh: '纸质', en: 'Paper' },
      other: { zh: '其他', en: 'Other' },
    },
    deliveryMethod: {
      online: { zh: '网上获取', en: 'Online' },
      email: { zh: '电子邮件', en: 'Email' },
      post: { zh: '邮寄', en: 'Post' },
      pickup: { zh: '当面领取', en: 'Pick up' },
      fax: { zh: '传真', en: 'Fax' },
    },
    state: {
      received: { zh: '办理中', en: 'Received' },
      correctionRequested: { zh: '待补正', en: 'Correction requested' },
      consulting: { zh: '征求意见中', en: 'Consulting' },
      extended: { zh: '已延期', en: 'Extended' },
      concluded: { zh: '已办结', en: 'Concluded' },
    },
    outcome: OUTCOME_LABELS,
  },
  'api::review-case.review-case': {
    kind: {
      review: { zh: '行政复议', en: 'Administrative review' },
      lawsuitDirect: { zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuit (direct)' },
      lawsuitAfterReview: { zh: '行政诉讼（复议后起诉）', en: 'Lawsuit after review' },
    },
    result: {
      upheld: { zh: '结果维持', en: 'Upheld' },
      corrected: { zh: '结果纠正', en: 'Corrected' },
      other: { zh: '其他结果', en: 'Other' },
    },
  },
  'api::administrative-decision.administrative-decision': {
    kind: {
      license: { zh: '行政许可', en: 'Licence' },
      penalty: { zh: '行政处罚', en: 'Penalty' },
      enforcement: { zh: '行政强制', en: 'Enforcement' },
    },
  },
  'plugin::disclosure.calendar-day': {
    kind: { holiday: { zh: '放假', en: 'Holiday' }, workday: { zh: '调休上班', en: 'Make-up working day' } },
  },
  'shared.money': { currency: { CNY: { zh: '人民币', en: 'CNY' } }, unit: MONEY_UNITS },
  'trading.candidate': { bidUnit: MONEY_UNITS },
};

/**
 * The labels of an enumeration, found by its set of values: the admin's select knows the attribute (its values), not
 * always the type it belongs to (components). Enumerations with the same values have the same labels here.
 */
export function enumLabelsFor(values: readonly string[]): Record<string, Bilingual> | undefined {
  const key = [...values].sort().join('|');
  for (const fields of Object.values(ENUM_LABELS)) {
    for (const labels of Object.values(fields)) {
      const codes = Object.keys(labels);
      if (codes.length === values.length && [...codes].sort().join('|') === key) return labels;
    }
  }
  return undefined;
}

/** A field's label for messages: the Chinese label of `uid`'s field (or component field), else the path itself. */
export function fieldLabel(
  uid: string,
  path: readonly string[],
  componentOf?: (uid: string, field: string) => string | undefined,
): Bilingual {
  let owner = uid;
  let label: FieldLabel | undefined;
  for (const part of path) {
    if (/^\d+$/.test(part)) continue; // an index in a repeatable component
    label = CONTENT_VIEWS[owner]?.fields[part];
    const next = componentOf?.(owner, part);
    if (next) owner = next;
  }
  const name = path.join('.');
  return label ? { zh: label.zh, en: name } : { zh: name, en: name };
}

/** A policy document's `validity`, derived on every read (src/api/policy-document/domain/validity.ts), never stored. */
export const VALIDITY_LABELS: Record<string, Bilingual> = {
  inForce: { zh: '现行有效', en: 'In force' },
  notYetEffective: { zh: '尚未生效', en: 'Not yet in force' },
  repealed: { zh: '已废止', en: 'Repealed' },
};

/** Who puts a project out, by its category (招标人 / 采购人 / 出让人 / 转让方). */
export const PRINCIPAL_LABELS: Record<string, Bilingual> = {
  construction: { zh: '招标人', en: 'Tenderer' },
  procurement: { zh: '采购人', en: 'Purchaser' },
  landUse: { zh: '出让人', en: 'Transferor' },
  miningRights: { zh: '出让人', en: 'Transferor' },
  stateProperty: { zh: '转让方', en: 'Transferor' },
};

/** The identity documents of a person and of an organization (the apply form offers those of the applicant's type). */
export const ID_TYPE_GROUPS = {
  person: ['residentId', 'passport', 'otherPersonalId'],
  organization: ['creditCode', 'otherOrganizationId'],
} as const;

/**
 * What the public site imports as `/site/labels.js` (served by src/middlewares/site-labels.ts): the declarations
 * above, under the names the site's modules use. Nothing of it is copied into public/.
 */
export function siteLabels(): Record<string, unknown> {
  const APPLICATION = ENUM_LABELS['api::disclosure-application.disclosure-application'];
  const PROJECT = ENUM_LABELS['api::transaction-project.transaction-project'];
  return {
    CATEGORY_LABELS: labelsOf(CATEGORY_LABELS),
    NOTICE_TYPE_LABELS: labelsOf(NOTICE_TYPES),
    NOTICE_TYPES_BY_CATEGORY,
    DOCUMENT_KIND_LABELS: ENUM_LABELS['api::policy-document.policy-document'].kind,
    VALIDITY_LABELS,
    METHOD_LABELS: PROJECT.method,
    PRINCIPAL_LABELS,
    MONEY_UNIT_LABELS: MONEY_UNITS,
    APPLICANT_TYPE_LABELS: APPLICATION.applicantType,
    ID_TYPE_LABELS: APPLICATION.idType,
    PERSONAL_ID_TYPES: ID_TYPE_GROUPS.person,
    ORGANIZATION_ID_TYPES: ID_TYPE_GROUPS.organization,
    PREFERRED_FORM_LABELS: APPLICATION.preferredForm,
    DELIVERY_METHOD_LABELS: APPLICATION.deliveryMethod,
    APPLICATION_STATE_LABELS: APPLICATION.state,
  };
}
