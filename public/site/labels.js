// Labels of the content model's codes, as the site shows them ({ zh, en }). The transaction labels are a copy of
// src/api/transaction-project/domain/process.ts (the browser cannot import it); tests/unit/site-labels.test.ts fails
// when the two differ, so edit process.ts first and copy here.

export const CATEGORY_LABELS = {
  construction: { zh: '工程建设', en: 'Construction tendering' },
  procurement: { zh: '政府采购', en: 'Government procurement' },
  landUse: { zh: '土地使用权', en: 'Land-use rights' },
  miningRights: { zh: '矿业权', en: 'Mining rights' },
  stateProperty: { zh: '国有产权', en: 'State-owned property rights' },
};

export const NOTICE_TYPE_LABELS = {
  tenderNotice: { zh: '招标公告', en: 'Tender notice' },
  prequalificationNotice: { zh: '资格预审公告', en: 'Prequalification notice' },
  amendmentNotice: { zh: '变更公告', en: 'Amendment notice' },
  clarificationNotice: { zh: '答疑公示', en: 'Clarification' },
  candidatePublicity: { zh: '中标候选人公示', en: 'Candidates publicity' },
  awardResult: { zh: '中标结果公告', en: 'Award result' },
  failedTender: { zh: '流标公示', en: 'Failed tender' },
  procurementNotice: { zh: '采购公告', en: 'Procurement notice' },
  correctionNotice: { zh: '更正公告', en: 'Correction notice' },
  procurementResult: { zh: '中标(成交)结果公告', en: 'Procurement result' },
  contractNotice: { zh: '合同公告', en: 'Contract notice' },
  terminationNotice: { zh: '终止公告', en: 'Termination notice' },
  transferNotice: { zh: '出让公告', en: 'Transfer notice' },
  dealPublicity: { zh: '成交公示', en: 'Deal publicity' },
  listingDisclosure: { zh: '挂牌披露', en: 'Listing disclosure' },
  dealResult: { zh: '交易结果公告', en: 'Deal result' },
};

export const NOTICE_TYPES_BY_CATEGORY = {
  construction: ['tenderNotice', 'prequalificationNotice', 'amendmentNotice', 'clarificationNotice', 'candidatePublicity', 'awardResult', 'failedTender'],
  procurement: ['procurementNotice', 'correctionNotice', 'procurementResult', 'contractNotice', 'terminationNotice'],
  landUse: ['transferNotice', 'dealPublicity'],
  miningRights: ['transferNotice', 'dealPublicity'],
  stateProperty: ['listingDisclosure', 'dealResult'],
};

export const DOCUMENT_KIND_LABELS = {
  regulation: { zh: '规章', en: 'Government rules' },
  normative: { zh: '行政规范性文件', en: 'Administrative normative documents' },
  other: { zh: '其他', en: 'Other' },
};

export const VALIDITY_LABELS = {
  inForce: { zh: '现行有效', en: 'In force' },
  notYetEffective: { zh: '尚未生效', en: 'Not yet in force' },
  repealed: { zh: '已废止', en: 'Repealed' },
};

export const METHOD_LABELS = {
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
};

/** Who puts the project out, by category (招标人 / 采购人 / 出让人 / 转让方). */
export const PRINCIPAL_LABELS = {
  construction: { zh: '招标人', en: 'Tenderer' },
  procurement: { zh: '采购人', en: 'Purchaser' },
  landUse: { zh: '出让人', en: 'Transferor' },
  miningRights: { zh: '出让人', en: 'Transferor' },
  stateProperty: { zh: '转让方', en: 'Transferor' },
};

export const MONEY_UNIT_LABELS = { yuan: { zh: '元', en: 'yuan' }, wanYuan: { zh: '万元', en: '10,000 yuan' } };

export const APPLICANT_TYPE_LABELS = {
  naturalPerson: { zh: '自然人', en: 'Natural person' },
  commercialEnterprise: { zh: '商业企业', en: 'Commercial enterprise' },
  researchInstitution: { zh: '科研机构', en: 'Research institution' },
  socialWelfareOrganization: { zh: '社会公益组织', en: 'Social welfare organization' },
  legalServiceOrganization: { zh: '法律服务机构', en: 'Legal service organization' },
  otherOrganization: { zh: '其他组织', en: 'Other organization' },
};

export const ID_TYPE_LABELS = {
  residentId: { zh: '居民身份证', en: 'Resident identity card' },
  passport: { zh: '护照', en: 'Passport' },
  otherPersonalId: { zh: '其他个人证件', en: 'Other personal identity document' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  otherOrganizationId: { zh: '其他组织证件', en: 'Other organization document' },
};
export const PERSONAL_ID_TYPES = ['residentId', 'passport', 'otherPersonalId'];
export const ORGANIZATION_ID_TYPES = ['creditCode', 'otherOrganizationId'];

export const PREFERRED_FORM_LABELS = {
  electronic: { zh: '电子数据', en: 'Electronic' },
  paper: { zh: '纸质', en: 'Paper' },
  other: { zh: '其他', en: 'Other' },
};

export const DELIVERY_METHOD_LABELS = {
  online: { zh: '网上获取', en: 'Online' },
  email: { zh: '电子邮件', en: 'E-mail' },
  post: { zh: '邮寄', en: 'Post' },
  pickup: { zh: '当面领取', en: 'Pick up in person' },
  fax: { zh: '传真', en: 'Fax' },
};

export const APPLICATION_STATE_LABELS = {
  received: { zh: '已受理', en: 'Received' },
  correctionRequested: { zh: '待补正', en: 'Correction requested' },
  consulting: { zh: '征求意见中', en: 'Consulting third parties' },
  extended: { zh: '已延期答复', en: 'Reply period extended' },
  concluded: { zh: '已办结', en: 'Concluded' },
};
