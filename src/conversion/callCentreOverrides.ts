import type { GlossaryRule } from './converter'

/**
 * Call-centre vocabulary OpenCC gets wrong, checked against opencc-js 1.4.2 (see
 * test/conversion.test.ts). Admins add more through the glossary collection.
 */
export const CALL_CENTRE_OVERRIDES: GlossaryRule[] = [
  // OpenCC writes 賬 where Taiwan writes 帳 (Hong Kong keeps 賬).
  { term: '账号', overrides: { 'zh-Hant': '帳號', 'zh-TW': '帳號' } },
  { term: '账户', overrides: { 'zh-Hant': '帳戶', 'zh-TW': '帳戶' } },
  { term: '账单', overrides: { 'zh-Hant': '帳單', 'zh-TW': '帳單' } },
  // …and 帐 where the mainland writes 账.
  { term: '帳號', overrides: { 'zh-Hans': '账号', 'zh-CN': '账号' } },
  { term: '帳戶', overrides: { 'zh-Hans': '账户', 'zh-CN': '账户' } },
  { term: '帳單', overrides: { 'zh-Hans': '账单', 'zh-CN': '账单' } },
  // OpenCC reads 别着 as 彆著 (awkward) in 别着急.
  { term: '别着急', overrides: { 'zh-Hant': '別著急', 'zh-TW': '別著急', 'zh-HK': '別着急' } },
  // Taiwan vocabulary → mainland turns 查詢 into 查找; a call centre 查询s.
  { term: '查詢', overrides: { 'zh-CN': '查询', 'zh-Hans': '查询' } },
]
