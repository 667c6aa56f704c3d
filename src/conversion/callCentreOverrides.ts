import type { GlossaryRule } from './converter'

/**
 * Call-centre vocabulary OpenCC gets wrong (checked against opencc-js 1.4.2; the table in
 * test/fixtures/conversion-table.json covers each entry). Terms are written in the script they
 * are found in. Admins add their own through the glossary collection.
 */
/** The overrides of the release that first stored regional texts (see OVERRIDES_SINCE_REGIONAL_TEXTS). */
export const OVERRIDES_BEFORE_REGIONAL_TEXTS: GlossaryRule[] = [
  // Characters: OpenCC writes 賬 where Taiwan writes 帳 (Hong Kong keeps 賬)…
  { term: '账号', overrides: { 'zh-Hant': '帳號', 'zh-TW': '帳號' } },
  { term: '账户', overrides: { 'zh-Hant': '帳戶', 'zh-TW': '帳戶' } },
  { term: '账单', overrides: { 'zh-Hant': '帳單', 'zh-TW': '帳單' } },
  // …and 帐 where the mainland writes 账.
  { term: '帳號', overrides: { 'zh-Hans': '账号', 'zh-CN': '账号' } },
  { term: '帳戶', overrides: { 'zh-Hans': '账户', 'zh-CN': '账户' } },
  { term: '帳單', overrides: { 'zh-Hans': '账单', 'zh-CN': '账单' } },
  // OpenCC reads 别着 as 彆著 in 别着急.
  { term: '别着急', overrides: { 'zh-Hant': '別著急', 'zh-TW': '別著急', 'zh-HK': '別着急' } },

  // Vocabulary, Simplified → Taiwan (zh-TW only; zh-Hant changes characters, not words).
  { term: '服务质量', overrides: { 'zh-TW': '服務品質' } },
  { term: '发货', overrides: { 'zh-TW': '出貨' } },
  { term: '洗发水', overrides: { 'zh-TW': '洗髮精' } },
  { term: '充值', overrides: { 'zh-TW': '儲值' } },
  // OpenCC turns 挂断 into 結束通話 and 审核 into 稽核 (an audit).
  { term: '挂断', overrides: { 'zh-TW': '掛斷' } },
  { term: '审核', overrides: { 'zh-TW': '審核' } },
  // OpenCC makes every 连接 連線: right for the noun (网络连接 → 網路連線), not for the verb.
  { term: '连接了', overrides: { 'zh-TW': '連接了' } },
  // The same words written in Traditional: the zh-TW and zh-HK texts agents get are converted
  // from the script a person wrote, which is often Traditional.
  { term: '掛斷', overrides: { 'zh-TW': '掛斷' } },
  { term: '審核', overrides: { 'zh-TW': '審核' } },
  { term: '連接了', overrides: { 'zh-TW': '連接了' } },
  { term: '服務質量', overrides: { 'zh-TW': '服務品質' } },
  { term: '發貨', overrides: { 'zh-TW': '出貨' } },
  { term: '洗髮水', overrides: { 'zh-TW': '洗髮精' } },

  // Vocabulary, Taiwan → mainland (zh-CN only).
  { term: '查詢', overrides: { 'zh-CN': '查询' } }, // OpenCC: 查找
  // OpenCC makes 登出 (log out) 注销, which on the mainland means closing the account.
  { term: '登出', overrides: { 'zh-CN': '退出' } },
  { term: '服務品質', overrides: { 'zh-CN': '服务质量' } },
  { term: '出貨', overrides: { 'zh-CN': '发货' } },
  { term: '洗髮精', overrides: { 'zh-CN': '洗发水' } },
  { term: '客訴', overrides: { 'zh-CN': '投诉' } },
  { term: '工作天', overrides: { 'zh-CN': '工作日' } },
  { term: '重設', overrides: { 'zh-CN': '重置' } },
]

/**
 * Overrides added since regional texts are stored (issue 17). The migration that stores what each
 * region was served converts without them: before, agents were served OpenCC's 支援.
 */
export const OVERRIDES_SINCE_REGIONAL_TEXTS: GlossaryRule[] = [
  // OpenCC's Taiwan phrases make every 支持 支援 (to back up, to assist), every 對象 物件 (a thing)
  // and every 在線 線上 (on the web): wrong in 感謝您的支持, 確認對象 and 客服代表不在線.
  { term: '支持', overrides: { 'zh-TW': '支持' } },
  { term: '對象', overrides: { 'zh-TW': '對象' } },
  { term: '在線', overrides: { 'zh-TW': '在線' } },
  { term: '对象', overrides: { 'zh-TW': '對象' } },
  { term: '在线', overrides: { 'zh-TW': '在線' } },
]

export const CALL_CENTRE_OVERRIDES: GlossaryRule[] = [...OVERRIDES_BEFORE_REGIONAL_TEXTS, ...OVERRIDES_SINCE_REGIONAL_TEXTS]
