import { type Region, REGIONS } from '../domain/locales'
import type { ConversionTarget } from './targets'

/**
 * One call-centre term and how each region says it, each form written in that region's script
 * (Taiwan and Hong Kong in Traditional characters, the mainland in Simplified), the usual form
 * first. A form listed for a region is right there; a term from another region's column is a
 * person's choice, never a machine's: 普通話 may stay in Hong Kong, a Taiwan agent says 國語.
 */
export type RegionalTerm = Record<Region, readonly string[]> & { meaning: string }

/**
 * Terms whose wording, not only their characters, differs between Taiwan, Hong Kong and the
 * mainland, as call-centre scripts use them. Curated: every row is checked by
 * test/regional-wording.test.ts (script of each form, no form claimed by two meanings).
 */
export const REGIONAL_TERMS: readonly RegionalTerm[] = [
  // Greetings and manners
  { meaning: 'Mandarin (the language)', 'zh-CN': ['普通话'], 'zh-TW': ['國語', '華語'], 'zh-HK': ['普通話'] },
  { meaning: 'good morning', 'zh-CN': ['早上好'], 'zh-TW': ['早安'], 'zh-HK': ['早晨', '早安'] },
  { meaning: 'good afternoon', 'zh-CN': ['下午好'], 'zh-TW': ['午安'], 'zh-HK': ['午安'] },
  { meaning: 'polite language', 'zh-CN': ['文明用语'], 'zh-TW': ['禮貌用語'], 'zh-HK': ['禮貌用語'] },
  // Contact and channels
  { meaning: 'to contact', 'zh-CN': ['联系', '联络'], 'zh-TW': ['聯絡'], 'zh-HK': ['聯絡'] },
  { meaning: 'text message', 'zh-CN': ['短信'], 'zh-TW': ['簡訊'], 'zh-HK': ['短訊'] },
  { meaning: 'video', 'zh-CN': ['视频'], 'zh-TW': ['影片', '視訊'], 'zh-HK': ['影片', '視像'] },
  { meaning: 'e-mail box', 'zh-CN': ['邮箱'], 'zh-TW': ['電子信箱', '信箱'], 'zh-HK': ['電郵', '郵箱'] },
  { meaning: 'hotline', 'zh-CN': ['热线'], 'zh-TW': ['專線'], 'zh-HK': ['熱線'] },
  { meaning: 'landline', 'zh-CN': ['座机'], 'zh-TW': ['市話'], 'zh-HK': ['固網電話'] },
  { meaning: 'channel (way of doing something)', 'zh-CN': ['渠道'], 'zh-TW': ['管道'], 'zh-HK': ['渠道'] },
  { meaning: 'network', 'zh-CN': ['网络'], 'zh-TW': ['網路'], 'zh-HK': ['網絡'] },
  { meaning: 'broadband', 'zh-CN': ['宽带'], 'zh-TW': ['寬頻'], 'zh-HK': ['寬頻'] },
  { meaning: 'information', 'zh-CN': ['信息'], 'zh-TW': ['資訊', '訊息'], 'zh-HK': ['資訊', '訊息'] },
  // Service and people
  { meaning: 'by means of', 'zh-CN': ['通过'], 'zh-TW': ['透過'], 'zh-HK': ['透過'] },
  { meaning: 'a superior (leader)', 'zh-CN': ['领导', '主管'], 'zh-TW': ['主管'], 'zh-HK': ['主管', '上司'] },
  { meaning: 'home visit', 'zh-CN': ['上门'], 'zh-TW': ['到府'], 'zh-HK': ['上門'] },
  { meaning: 'quality', 'zh-CN': ['质量'], 'zh-TW': ['品質'], 'zh-HK': ['質素', '品質'] },
  { meaning: 'service level', 'zh-CN': ['服务水平'], 'zh-TW': ['服務水準'], 'zh-HK': ['服務水平'] },
  // 反映 (to report) and 查詢 (to look up) are everyday words in every region, so neither is a row's form.
  { meaning: 'feedback', 'zh-CN': ['反馈'], 'zh-TW': ['回饋', '回報'], 'zh-HK': ['回饋'] },
  { meaning: 'service counter (shop)', 'zh-CN': ['营业厅'], 'zh-TW': ['門市'], 'zh-HK': ['門市'] },
  { meaning: 'plan (tariff)', 'zh-CN': ['套餐'], 'zh-TW': ['方案'], 'zh-HK': ['計劃'] },
  { meaning: 'working day', 'zh-CN': ['工作日'], 'zh-TW': ['工作天', '工作日'], 'zh-HK': ['工作天'] },
  // Accounts, payment and delivery
  { meaning: 'to top up', 'zh-CN': ['充值'], 'zh-TW': ['儲值'], 'zh-HK': ['增值'] },
  { meaning: 'to log in', 'zh-CN': ['登录'], 'zh-TW': ['登入'], 'zh-HK': ['登入'] },
  { meaning: 'to reset', 'zh-CN': ['重置'], 'zh-TW': ['重設'], 'zh-HK': ['重設'] },
  { meaning: 'default (setting)', 'zh-CN': ['默认'], 'zh-TW': ['預設'], 'zh-HK': ['預設'] },
  { meaning: 'to activate', 'zh-CN': ['激活'], 'zh-TW': ['啟用'], 'zh-HK': ['啟用'] },
  { meaning: 'file', 'zh-CN': ['文件'], 'zh-TW': ['檔案'], 'zh-HK': ['檔案'] },
  { meaning: 'software', 'zh-CN': ['软件'], 'zh-TW': ['軟體'], 'zh-HK': ['軟件'] },
  { meaning: 'to print', 'zh-CN': ['打印'], 'zh-TW': ['列印'], 'zh-HK': ['打印'] },
  { meaning: 'bank card', 'zh-CN': ['银行卡'], 'zh-TW': ['金融卡'], 'zh-HK': ['銀行卡'] },
  { meaning: 'identity card', 'zh-CN': ['身份证'], 'zh-TW': ['身分證'], 'zh-HK': ['身份證'] },
  { meaning: 'courier delivery', 'zh-CN': ['快递'], 'zh-TW': ['宅配', '快遞'], 'zh-HK': ['速遞', '快遞'] },
  { meaning: 'taxi', 'zh-CN': ['出租车'], 'zh-TW': ['計程車'], 'zh-HK': ['的士'] },
  // Holidays
  { meaning: 'public holidays', 'zh-CN': ['节假日'], 'zh-TW': ['國定假日'], 'zh-HK': ['公眾假期'] },
  { meaning: 'Lunar New Year', 'zh-CN': ['春节'], 'zh-TW': ['春節'], 'zh-HK': ['農曆新年'] },
  { meaning: 'National Day', 'zh-CN': ['国庆节'], 'zh-TW': ['國慶日'], 'zh-HK': ['國慶日'] },
]

/** The regions whose wording a conversion target stands for: the generic Traditional script serves Taiwan and Hong Kong. */
export const REGIONS_OF_TARGET: Record<ConversionTarget, readonly Region[]> = {
  'zh-Hant': ['zh-TW', 'zh-HK'],
  'zh-TW': ['zh-TW'],
  'zh-HK': ['zh-HK'],
  'zh-Hans': ['zh-CN'],
  'zh-CN': ['zh-CN'],
}

/**
 * A regional term found in a converted text: where it is, and the forms of the target's regions
 * to choose from (keeping it as it is is one of the choices).
 */
export type WordingFlag = { index: number; char: string; chosen: string; candidates: string[]; kind: 'wording' }

/** How a form is spelled in the target's script (forms are written in their own region's script). */
export type Spell = (form: string, region: Region) => string

/** Words, the same in every script, that contain a table form by accident. */
const NOT_TERMS = ['端午安康']

/**
 * Finds the terms in texts of one target that another region says differently. Built once per
 * target (a few hundred forms in one pattern); `spell` writes another region's form in the
 * target's script, so 普通话 is found as 普通話 in a Traditional text.
 */
export class RegionalWording {
  private readonly pattern: RegExp | null
  private readonly choicesFor = new Map<string, string[]>()

  constructor(target: ConversionTarget, spell: Spell) {
    const own = REGIONS_OF_TARGET[target]
    for (const term of REGIONAL_TERMS) {
      const formsOf = (region: Region) => term[region].map((form) => spell(form, region))
      // The target's regions' own forms are the choices; a form all of them use is never flagged.
      const choices = [...new Set(own.flatMap(formsOf))]
      const everywhere = choices.filter((form) => own.every((region) => formsOf(region).includes(form)))
      for (const region of REGIONS) {
        for (const spelled of formsOf(region)) {
          if (everywhere.includes(spelled) || this.choicesFor.has(spelled)) continue
          this.choicesFor.set(spelled, [...new Set([...choices, spelled])])
        }
      }
    }
    // Longest first, so 服務水平 wins over a shorter term inside it.
    const forms = [...this.choicesFor.keys()].sort((a, b) => b.length - a.length)
    // Words that hold a form without being its term (端午安康 is no 午安) are matched first, and passed over.
    this.pattern = forms.length ? new RegExp(`\\{\\{[^{}]*\\}\\}|${[...NOT_TERMS, ...forms].join('|')}`, 'g') : null
  }

  /** The flags of a converted text, in order; `{{placeholders}}` are never looked into. */
  flagsIn(text: string): WordingFlag[] {
    if (!this.pattern) return []
    const flags: WordingFlag[] = []
    for (const match of text.matchAll(this.pattern)) {
      const candidates = this.choicesFor.get(match[0])
      if (candidates) flags.push({ index: match.index, char: match[0], chosen: match[0], candidates, kind: 'wording' })
    }
    return flags
  }
}

/**
 * A text's character flags and its wording flags, in text order. A term is one question: a
 * character flag inside it is settled with it (settling the term rewrites its characters).
 */
export function withWordingFlags<Flag extends { index: number }>(characterFlags: Flag[], wordingFlags: WordingFlag[]): (Flag | WordingFlag)[] {
  if (!wordingFlags.length) return characterFlags
  const inTerm = (flag: Flag) => wordingFlags.some((term) => flag.index >= term.index && flag.index < term.index + term.chosen.length)
  return [...characterFlags.filter((flag) => !inTerm(flag)), ...wordingFlags].sort((a, b) => a.index - b.index)
}
