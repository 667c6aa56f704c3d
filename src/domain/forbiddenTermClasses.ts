/** The classes of 服務忌語 the seed documents name, with a stable ASCII value for APIs. */
export const FORBIDDEN_TERM_CLASSES = [
  { value: 'sarcasm', label: { 'zh-TW': '諷刺', zh: '讽刺', en: 'Sarcasm' } },
  { value: 'command', label: { 'zh-TW': '命令', zh: '命令', en: 'Ordering the customer' } },
  { value: 'blame', label: { 'zh-TW': '責備', zh: '责备', en: 'Blaming' } },
  { value: 'grumble', label: { 'zh-TW': '埋怨', zh: '埋怨', en: 'Grumbling' } },
  { value: 'lecture', label: { 'zh-TW': '教訓', zh: '教训', en: 'Lecturing' } },
  { value: 'deflect', label: { 'zh-TW': '推卸', zh: '推卸', en: 'Deflecting responsibility' } },
  { value: 'irritation', label: { 'zh-TW': '煩躁', zh: '烦躁', en: 'Irritation' } },
  { value: 'casual_agreement', label: { 'zh-TW': '隨意附和', zh: '随意附和', en: 'Casual agreement' } },
  { value: 'denial', label: { 'zh-TW': '否定', zh: '否定', en: 'Flat denial' } },
  { value: 'indifference', label: { 'zh-TW': '冷漠', zh: '冷漠', en: 'Indifference' } },
  { value: 'impatience', label: { 'zh-TW': '不耐煩', zh: '不耐烦', en: 'Impatience' } },
  { value: 'vulgar', label: { 'zh-TW': '粗俗', zh: '粗俗', en: 'Vulgar' } },
] as const

export type ForbiddenTermClass = (typeof FORBIDDEN_TERM_CLASSES)[number]['value']

/** The class value for a class name as the seed documents write it (Traditional, e.g. 諷刺). */
export function forbiddenTermClassOf(name: string): ForbiddenTermClass | undefined {
  return FORBIDDEN_TERM_CLASSES.find((c) => c.label['zh-TW'] === name || c.value === name)?.value
}
