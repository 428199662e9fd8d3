/**
 * How the write rules word a problem: Chinese first (editors and citizens), then English in parentheses (API users,
 * developers, the English admin): "文号格式不正确，应为：如 驻政〔2021〕12号 (documentNumber has an invalid format)".
 * One string, because Strapi's error details carry one message per field; the public site shows the Chinese half
 * on its Chinese pages (public/site/apply.js splits it at the last " (").
 */
export const bilingual = (zh: string, en: string) => `${zh} (${en})`;
