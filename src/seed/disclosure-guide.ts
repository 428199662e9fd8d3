/**
 * A sample 政府信息公开指南 (labelled 示例) of the center, in zh-Hans and en, published so the site's guide page has
 * content. Created once: an existing guide (edited by editors) is never overwritten.
 */
import { EN, DEFAULT_LOCALE, type SeedStore } from './store';

export const DISCLOSURE_GUIDE_UID = 'api::disclosure-guide.disclosure-guide';

const ZH_BODY = `（示例）为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。

## 一、主动公开

本中心主动公开的政府信息通过本网站“政务公开”“交易信息”栏目发布，公众可随时查阅。

## 二、依申请公开

1. **提出申请。** 申请人可通过本网站“依申请公开”栏目在线提交，也可以信函或当面方式向受理机构提出。申请应包括申请人的姓名或名称、身份证明、联系方式，所需政府信息的名称、文号或便于查询的其他特征性描述，以及获取信息的方式和途径。
2. **补正。** 申请内容不明确的，受理机构自收到申请之日起7个工作日内一次性告知申请人作出补正；补正期间不计算在答复期限内。
3. **答复期限。** 能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日（《条例》第三十三条）。
4. **查询进度。** 在线提交后，请凭申请编号和查询码在“依申请公开”页面查询办理进度。

## 三、救济途径

申请人认为本中心在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。`;

const ZH_FEES = `依申请提供政府信息，不收取费用。但申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，收费前书面告知申请人。（示例）`;

const EN_BODY = `(Sample) This guide explains how to obtain government information from the center under the Regulations on Open Government Information.

## 1. Proactive disclosure

Information the center discloses proactively is published on this site under "Government affairs" and "Transaction information".

## 2. Applying for information

1. **Apply** online on the "Apply for information" page of this site, by letter or in person at the accepting office.
2. **Corrections.** When a request is unclear the office asks, once, within 7 working days for the missing details.
3. **Reply.** Within 20 working days of receipt; extendable once by up to 20 working days with notice (Article 33).
4. **Progress.** Check the status with the tracking number and query code you receive when you apply.

## 3. Remedies

An applicant who considers the center's handling unlawful may complain to the higher authority, apply for administrative review or bring an administrative lawsuit.`;

const EN_FEES =
  'No fee is charged, except an information processing fee when the number or frequency of requests clearly exceeds a reasonable range (State Council Office letter 〔2020〕109); the applicant is told in writing first. (Sample)';

export async function seedDisclosureGuide(store: SeedStore, centerId: string) {
  const docs = store.docs(DISCLOSURE_GUIDE_UID);
  const existing = await docs.findFirst({ locale: DEFAULT_LOCALE, status: 'draft' });
  if (existing) {
    store.count('disclosureGuide', false);
    return existing.documentId as string;
  }
  const common = { postcode: '463000', phone: '0396-0000100', email: 'ggzy@example.com' };
  const organization = { documentId: centerId, locale: DEFAULT_LOCALE };
  await store.together(async () => {
    await docs.create({
      locale: DEFAULT_LOCALE,
      data: {
        title: '政府信息公开指南（示例）',
        body: ZH_BODY,
        fees: ZH_FEES,
        acceptingOffice: '驻马店市公共资源交易中心办公室（示例）',
        address: '河南省驻马店市驿城区开源大道与雪松路交叉口（示例）',
        workingHours: '工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
        organization,
        ...common,
      },
    });
    const created = await docs.findFirst({ locale: DEFAULT_LOCALE, status: 'draft' });
    await docs.update({
      documentId: created.documentId,
      locale: EN,
      data: {
        title: 'Guide to government information disclosure (sample)',
        body: EN_BODY,
        fees: EN_FEES,
        acceptingOffice: 'Office of the Zhumadian Public Resources Trading Center (sample)',
        address: 'Kaiyuan Avenue at Xuesong Road, Yicheng District, Zhumadian, Henan (sample)',
        workingHours: 'Working days 8:30–12:00 and 14:30–17:30 (closed on public holidays)',
        organization: { documentId: centerId, locale: EN },
        ...common,
      },
    });
    await docs.publish({ documentId: created.documentId, locale: '*' });
  });
  store.count('disclosureGuide', true);
}
