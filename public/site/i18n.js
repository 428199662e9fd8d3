// The site's two languages: zh-Hans by default, en when the address says ?locale=en. Interface strings live here;
// content comes from the API in the same locale where it is localized (documents, CA providers, organizations,
// reports) and in Chinese otherwise (projects and notices).

export const DEFAULT_LOCALE = 'zh-Hans';

/** The locale of an address's query string: 'en' or 'zh-Hans'. */
export const localeOf = (search) => (new URLSearchParams(search).get('locale') === 'en' ? 'en' : DEFAULT_LOCALE);

export const locale = typeof location === 'undefined' ? DEFAULT_LOCALE : localeOf(location.search);
export const isEn = locale === 'en';

/** The text of a { zh, en } label in the page's language. */
export const pick = (label) => (label ? (isEn ? (label.en ?? label.zh) : (label.zh ?? label.en)) : '');

const S = {
  siteName: ['公共资源交易中心', 'Public Resource Trading Center'],
  siteTagline: ['公开 · 公平 · 公正 · 诚信', 'Open, fair, impartial and honest'],
  skip: ['跳到主要内容', 'Skip to main content'],
  mainNav: ['主导航', 'Main navigation'],
  breadcrumb: ['当前位置', 'You are here'],
  home: ['首页', 'Home'],
  govAffairs: ['政务公开', 'Government affairs'],
  tradingInfo: ['交易信息', 'Transaction information'],
  caCerts: ['CA证书', 'CA certificates'],
  annualReports: ['年度报告', 'Annual reports'],
  applications: ['依申请公开', 'Apply for information'],
  policyDocuments: ['政策文件', 'Policy documents'],
  // Footer, 404, guide, feeds, receipt, notice deadlines and candidates (issue 13, items 7, 9, 10).
  disclosureGuide: ['信息公开指南', 'Disclosure guide'],
  sponsor: ['主办单位', 'Run by'],
  contactAddress: ['地址', 'Address'],
  contactPostalCode: ['邮编', 'Postal code'],
  contactPhone: ['电话', 'Telephone'],
  contactFax: ['传真', 'Fax'],
  contactEmail: ['电子邮箱', 'Email'],
  workingHours: ['办公时间', 'Office hours'],
  siteCode: ['网站标识码', 'Website code'],
  feeds: ['订阅', 'Feeds'],
  feedNotices: ['交易公告（Atom）', 'Notices (Atom)'],
  feedDocuments: ['政策文件（Atom）', 'Policy documents (Atom)'],
  sitemap: ['网站地图', 'Sitemap'],
  notFoundTitle: ['页面不存在', 'Page not found'],
  notFoundText: [
    '您访问的页面不存在或已被删除，请检查网址，或从下面的链接继续浏览。',
    'The page you asked for does not exist or was removed. Check the address or continue from one of these links.',
  ],
  guideContacts: ['受理机构与联系方式', 'Where to apply and contacts'],
  acceptingOffice: ['受理机构', 'Accepting office'],
  guideFees: ['收费', 'Fees'],
  guideApply: ['在线提交申请', 'Apply online'],
  guideMissing: ['信息公开指南尚未发布。', 'The disclosure guide has not been published yet.'],
  openNow: ['正在报名/投标', 'Open for bids'],
  openNowHint: ['只显示投标截止时间未到的项目的公告', 'Only notices of projects whose bid deadline has not passed'],
  deadlinePassed: ['已截止', 'Closed'],
  winnerTitle: ['中标（成交）结果', 'Award result'],
  fromProjectData: ['以上信息取自项目登记数据。', "Taken from the project's registered data."],
  receiptTitle: ['政府信息公开申请回执', 'Receipt of an application for government information'],
  receiptPrint: ['打印回执', 'Print the receipt'],
  receiptOrganization: ['受理机关', 'Handled by'],
  provisionalDue: ['（暂定）', ' (provisional)'],
  provisionalReason: ['暂定原因', 'Why provisional'],
  receiptNote: [
    '答复期限依《中华人民共和国政府信息公开条例》第三十三条计算（自收到申请之日起20个工作日内，需要延长的经负责人同意并告知申请人，延长期限最长不超过20个工作日）。',
    'The due date follows Article 33 of the Regulations on Open Government Information (20 working days from receipt, extendable once by up to 20 working days with notice to the applicant).',
  ],
  reportsOfOrg: ['{name}的年度报告', 'Annual reports of {name}'],
  yearReport: ['{year}年度', '{year}'],
  switchTo: ['English', '中文'],
  switchToLabel: ['Switch to English', '切换到中文'],
  previewDraft: ['预览 草稿', 'Preview: draft'],
  previewDraftNote: [
    '此页显示尚未发布的草稿，仅供编辑核对；预览链接 15 分钟内有效，请勿转发。',
    'This page shows an unpublished draft for checking; the preview link is valid for 15 minutes, do not share it.',
  ],
  footerNote: [
    '本网站内容来自交易中心内容管理系统的公开接口。',
    'Content of this site comes from the public content API of the center.',
  ],
  noscript: ['本网站需要启用 JavaScript 才能显示内容。', 'This site needs JavaScript to show its content.'],
  loading: ['正在加载…', 'Loading…'],
  retry: ['重试', 'Try again'],
  search: ['查询', 'Search'],
  // Site-wide search (search.html, the header's box).
  siteSearch: ['站内搜索', 'Search this site'],
  searchTitleFor: ['“{q}”的搜索结果', 'Results for “{q}”'],
  searchLabel: ['搜索交易公告、交易项目和政策文件', 'Search notices, projects and policy documents'],
  searchHeaderLabel: ['搜索本站', 'Search this site'],
  searchHeaderPlaceholder: ['标题、正文、项目编号', 'Title, text, project code'],
  searchHint: [
    '可输入标题或正文中的词语（如“监理”）、项目编号、统一交易标识码或文号，最多 {max} 个字。',
    'Words of a title or text (such as 监理), a project code, a deal code or a document number; at most {max} characters.',
  ],
  searchScope: ['搜索范围', 'Search in'],
  searchAll: ['全部', 'All'],
  searchNotices: ['交易公告', 'Notices'],
  searchProjects: ['交易项目', 'Projects'],
  searchDocuments: ['政策文件', 'Policy documents'],
  searchEmptyQuery: ['请输入要搜索的内容。', 'Enter what you are looking for.'],
  searchNone: ['未找到与“{q}”相关的内容。', 'Nothing found for “{q}”.'],
  searchNoneHint: [
    '请检查输入，或换用更短、更常用的词语。',
    'Check the spelling, or try a shorter or more common word.',
  ],
  searchCount: ['“{q}”共找到 {total} 条，第 {page} / {pages} 页', '{total} results for “{q}”, page {page} of {pages}'],
  searchCountMore: [
    '“{q}”找到 {total} 条以上，第 {page} / {pages} 页；请加词缩小范围',
    'More than {total} results for “{q}”, page {page} of {pages}; add words to narrow them',
  ],
  reset: ['重置', 'Reset'],
  all: ['全部', 'All'],
  more: ['更多', 'More'],
  none: ['暂无内容', 'Nothing here yet'],
  noResults: ['没有符合条件的结果，请调整筛选条件。', 'No results match these filters.'],
  resultCount: ['共 {total} 条，第 {page} / {pages} 页', 'Results: {total}, page {page} of {pages}'],
  pagination: ['分页', 'Pagination'],
  prev: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  pageN: ['第 {page} 页', 'Page {page}'],
  pageBeyond: ['没有第 {page} 页。', 'There is no page {page}.'],
  goFirst: ['返回第一页', 'Go to the first page'],
  filters: ['筛选', 'Filters'],
  zhOnly: ['交易信息仅以中文发布。', 'Transaction notices are published in Chinese only.'],
  notInLocale: ['该内容暂无英文版本。', 'This content is not available in English.'],
  readInChinese: ['查看中文版本', 'Read the Chinese version'],
  downloads: ['附件', 'Attachments'],
  // errors
  errNetworkTitle: ['无法连接服务器', 'The server cannot be reached'],
  errNetwork: ['请检查网络连接后重试。', 'Check your connection and try again.'],
  errTimeoutTitle: ['服务器响应超时', 'The server took too long to answer'],
  errNotFoundTitle: ['未找到所请求的内容', 'Not found'],
  errNotFound: ['该内容可能已撤回或尚未发布。', 'It may have been withdrawn or not yet published.'],
  errRateTitle: ['请求过于频繁', 'Too many requests'],
  errRate: ['请稍后再试。', 'Please wait a moment and try again.'],
  errRateSeconds: ['请在 {seconds} 秒后再试。', 'Please try again in {seconds} seconds.'],
  errBadRequestTitle: ['请求有误', 'The request was not accepted'],
  errForbiddenTitle: ['该服务暂未开放', 'This service is not available'],
  errForbidden: ['请稍后再试，或联系交易中心。', 'Please try later or contact the center.'],
  errServerTitle: ['服务器出错', 'Server error'],
  errServer: [
    '服务器暂时无法处理请求（错误 {status}），请稍后再试。',
    'The server could not answer (error {status}). Please try again later.',
  ],
  errInvalidTitle: ['服务器返回的数据无法识别', 'The server sent an unexpected answer'],
  // home
  homeTitle: ['首页', 'Home'],
  columns: ['网站栏目', 'Sections of the site'],
  homeIntro: [
    '公共资源交易中心政务公开与交易信息服务',
    'Government information and transaction information of the center',
  ],
  latestNotices: ['最新交易公告', 'Latest transaction notices'],
  latestDocuments: ['最新政策文件', 'Latest policy documents'],
  latestReport: ['最新年度报告', 'Latest annual report'],
  colGovAffairsDesc: [
    '政策文件、政府信息公开工作年度报告和依申请公开。',
    'Policy documents, annual disclosure reports and applications for information.',
  ],
  colTradingDesc: [
    '工程建设、政府采购、土地使用权、矿业权和国有产权交易公告。',
    'Notices of construction tendering, procurement, land-use rights, mining rights and state-owned property.',
  ],
  colCaDesc: [
    '电子投标所需CA数字证书的收费标准、办理地址和办理流程。',
    'Fees, service addresses and steps of the CA certificates used to sign electronic bids.',
  ],
  colReportsDesc: [
    '按机构和年度查阅政府信息公开工作年度报告。',
    'Annual reports on government information disclosure, by organization and year.',
  ],
  allNotices: ['全部交易公告', 'All transaction notices'],
  allDocuments: ['全部政策文件', 'All policy documents'],
  allReports: ['全部年度报告', 'All annual reports'],
  // documents
  documentsIntro: [
    '规章、行政规范性文件及其他政策文件。效力状态根据施行和废止日期自动判断。',
    'Government rules, normative documents and other policy documents. Validity follows from their dates.',
  ],
  searchTitleOrNumber: ['标题或文号', 'Title or document number'],
  kind: ['类别', 'Kind'],
  validity: ['效力', 'Validity'],
  issuedYear: ['发布年份', 'Year issued'],
  documentNumber: ['文号', 'Document number'],
  issuingBody: ['发布机关', 'Issued by'],
  issuedOn: ['发布日期', 'Issued on'],
  effectiveOn: ['施行日期', 'In force from'],
  repealedOn: ['废止日期', 'Repealed on'],
  summary: ['摘要', 'Summary'],
  organization: ['机构', 'Organization'],
  backToList: ['返回列表', 'Back to the list'],
  // notices
  noticesIntro: ['各类公共资源交易项目的公告与公示。', 'Notices and publicity of public resource transactions.'],
  category: ['交易类别', 'Category'],
  noticeType: ['公告类型', 'Notice type'],
  releasedFrom: ['发布日期自', 'Released from'],
  releasedTo: ['发布日期至', 'Released until'],
  searchTitle: ['公告标题', 'Notice title'],
  releasedAt: ['发布时间', 'Released'],
  publicityPeriod: ['公示期', 'Publicity period'],
  project: ['所属项目', 'Project'],
  viewProject: ['查看项目及交易流程', 'View the project and its process'],
  // project
  projectCode: ['项目编号', 'Project code'],
  sectionCode: ['标段（包）编号', 'Section code'],
  dealCode: ['统一交易标识码', 'Unified deal code'],
  method: ['交易方式', 'Method'],
  agency: ['代理机构', 'Agency'],
  region: ['所在地区', 'Region'],
  budget: ['预算金额', 'Budget'],
  registeredOn: ['登记日期', 'Registered on'],
  documentsPeriod: ['文件获取时间', 'Documents available'],
  bidDeadline: ['投标截止时间', 'Bid deadline'],
  bidOpeningAt: ['开标时间', 'Bid opening'],
  bidOpeningPlace: ['开标地点', 'Bid opening place'],
  candidates: ['中标候选人', 'Candidates'],
  rank: ['排名', 'Rank'],
  candidateName: ['单位名称', 'Name'],
  bidAmount: ['投标报价', 'Bid'],
  rankN: ['第{rank}名', 'No. {rank}'],
  winner: ['中标人（成交人）', 'Winner'],
  winningAmount: ['中标（成交）金额', 'Winning amount'],
  contractSignedOn: ['合同签订日期', 'Contract signed on'],
  projectInfo: ['项目信息', 'Project information'],
  keyTimes: ['关键时间', 'Key times'],
  result: ['交易结果', 'Result'],
  process: ['交易流程', 'Transaction process'],
  processIntro: ['根据已发布的公告和关键时间自动生成。', 'Derived from the published notices and key times.'],
  stepDone: ['已完成', 'done'],
  stepCurrent: ['当前阶段', 'current stage'],
  stepUpcoming: ['未开始', 'to come'],
  branches: ['特殊情形', 'Exceptions'],
  processEnded: ['本项目已结束（{stage}）。', 'This project has ended ({stage}).'],
  noProcess: ['暂无流程信息。', 'No process information.'],
  notices: ['项目公告', 'Notices of the project'],
  // CA
  caIntro: [
    '投标人使用CA数字证书对电子投标文件签名。以下为本中心认可的CA机构。',
    'Bidders sign electronic bids with CA certificates. These are the providers the center accepts.',
  ],
  provinceWide: ['全省互认', 'Recognised province-wide'],
  website: ['网站', 'Website'],
  hotline: ['服务热线', 'Hotline'],
  fees: ['收费标准', 'Fees'],
  feeItem: ['收费项目', 'Item'],
  price: ['价格（元）', 'Price (yuan)'],
  per: ['计价单位', 'Per'],
  note: ['说明', 'Note'],
  addresses: ['办理地址', 'Service addresses'],
  outlet: ['网点', 'Office'],
  address: ['地址', 'Address'],
  phone: ['电话', 'Phone'],
  hours: ['办理时间', 'Hours'],
  steps: ['办理流程', 'How to apply'],
  materials: ['所需材料', 'Materials'],
  contents: ['目录', 'Contents'],
  // reports
  reportsIntro: [
    '依照《中华人民共和国政府信息公开条例》第四十九条，各机关于每年1月31日前公布上一年度政府信息公开工作年度报告。',
    'Under Article 49 of the Regulations on Open Government Information, each body publishes its annual report on the previous year by 31 January.',
  ],
  year: ['年度', 'Year'],
  publishedAt: ['发布时间', 'Published'],
  reportIndex: ['年度报告索引', 'Index of annual reports'],
  reportIndexIntro: [
    '全市各机构已发布的政府信息公开工作年度报告，按机构排列，点击年度查看报告。',
    "Every published annual report of the city's bodies, by organization: choose a year to read the report.",
  ],
  reportIndexLink: ['按机构和年度查看全部机构的年度报告索引', "Index of every organization's reports by year"],
  reportIndexCaption: [
    '各机构已发布的年度报告（第 {page} 页）',
    'Published annual reports by organization (page {page})',
  ],
  reportIndexCount: [
    '共 {total} 个机构已发布年度报告，第 {page} / {pages} 页',
    '{total} organizations have published reports, page {page} of {pages}',
  ],
  notPublished: ['未发布', 'not published'],
  reportOfYear: ['{name}{year}年度报告', '{name}: report on {year}'],
  printable: ['打印版（国家格式）', 'Printable version (national format)'],
  reportDownloads: ['下载', 'Downloads'],
  csv: ['CSV 数据', 'CSV data'],
  xlsx: ['Excel 表格', 'Excel workbook'],
  json: ['JSON 数据', 'JSON data'],
  computedAt: ['表格数据生成于 {date}', 'Tables computed on {date}'],
  tableScroll: ['表格可左右滚动', 'The table scrolls sideways'],
  corrected: ['更正', 'Corrected'],
  reportTableData: ['{title}（数据表）', '{title} (data table)'],
  // applications
  applyIntro: [
    '公民、法人或者其他组织可以向本机关申请获取政府信息。提交后请妥善保存申请编号和查询码，用于查询办理进度。',
    'Anyone may apply for government information. Keep the tracking number and query code you receive: you need both to follow your application.',
  ],
  statusTitle: ['查询办理进度', 'Check the status of an application'],
  trackingNumber: ['申请编号', 'Tracking number'],
  queryCode: ['查询码', 'Query code'],
  check: ['查询', 'Check'],
  statusResult: ['办理进度', 'Status'],
  state: ['办理状态', 'State'],
  receivedOn: ['受理日期', 'Received on'],
  dueOn: ['答复期限', 'Reply due by'],
  concludedOn: ['办结日期', 'Concluded on'],
  outcome: ['办理结果', 'Outcome'],
  statusNotFound: [
    '未找到与该申请编号和查询码相符的申请，请核对后重试。',
    'No application matches this tracking number and query code. Check both and try again.',
  ],
  applyTitle: ['在线申请', 'Apply online'],
  required: ['必填', 'required'],
  requiredNote: ['带 * 的为必填项。', 'Fields marked * are required.'],
  applicantSection: ['申请人信息', 'Applicant'],
  requestSection: ['所需信息', 'Information requested'],
  applicantType: ['申请人类型', 'Applicant type'],
  applicantName: ['申请人姓名或名称', 'Name of the applicant'],
  idType: ['身份证件类型', 'Identity document'],
  idNumber: ['证件号码', 'Document number'],
  contactPerson: ['联系人', 'Contact person'],
  contactPersonHint: ['法人或其他组织申请时必填。', 'Required for an organization.'],
  email: ['电子邮箱', 'E-mail'],
  postalCode: ['邮政编码', 'Postal code'],
  requestOrganization: ['受理机关', 'Addressed to'],
  requestedInformation: ['所需政府信息的描述', 'Description of the information'],
  requestedHint: [
    '请写明信息的名称、文号或便于查询的其他特征。',
    'Give its title, document number or other details that help find it.',
  ],
  preferredForm: ['信息的提供载体形式', 'Form'],
  deliveryMethod: ['获取信息的方式', 'Delivery'],
  submit: ['提交申请', 'Submit the application'],
  submitting: ['正在提交…', 'Submitting…'],
  applied: ['申请已提交', 'Application received'],
  appliedKeep: [
    '请记下申请编号和查询码：查询码只显示这一次。',
    'Write down the tracking number and the query code: the query code is shown only this once.',
  ],
  fixErrors: ['请更正以下问题：', 'Please correct the following:'],
  chooseOrganization: ['请选择', 'Choose'],
  pleaseFill: ['请填写{field}', 'Enter the {field}'],
};

/** The interface string `key` in the page's language, with {name} placeholders filled. */
export function t(key, vars = {}) {
  const entry = S[key];
  if (!entry) return key;
  return entry[isEn ? 1 : 0].replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A site address that keeps the language: href('documents.html', { page: 2 }). Empty values are left out. */
export function href(path, params = {}, loc = locale) {
  const u = new URL(path, typeof location === 'undefined' ? 'http://site.invalid/site/' : location.href);
  u.search = '';
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && String(v) !== '') u.searchParams.set(k, String(v));
  if (loc === 'en') u.searchParams.set('locale', 'en');
  return u.pathname + u.search + u.hash;
}

/**
 * The server words validation problems "English (中文)" (the disclosure plugin's filing checks): the half in the
 * page's language, or the whole message when it is not worded that way.
 */
export function localizedMessage(message, loc = locale) {
  const text = String(message ?? '');
  const m = /^(.*\S)\s*\(([^()]*[\u4e00-\u9fa5][^()]*)\)\s*$/s.exec(text);
  return m ? (loc === 'en' ? m[1] : m[2]) : text;
}
