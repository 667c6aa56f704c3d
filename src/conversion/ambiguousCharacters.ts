/**
 * Characters whose conversion is one-to-many, with what each can become. OpenCC decides them by
 * its phrase dictionary where a phrase covers them and by a single default otherwise; the
 * second case is what a reviewer must look at. The candidates come first-choice first.
 *
 * 了 (→ 瞭) is left out on purpose: 瞭 only occurs in fixed words (瞭解, 瞭望, 明瞭, 一目瞭然)
 * that OpenCC's phrases cover, and flagging every particle 了 would bury the real doubts.
 */
export const AMBIGUOUS_SIMPLIFIED: Record<string, string[]> = {
  干: ['乾', '幹', '干'], 发: ['發', '髮'], 后: ['後', '后'], 面: ['面', '麵'], 只: ['只', '隻'],
  台: ['台', '臺', '颱', '檯'], 里: ['裡', '里'], 复: ['復', '複', '覆'], 余: ['餘', '余'],
  系: ['系', '係', '繫'], 制: ['制', '製'], 钟: ['鐘', '鍾'], 历: ['歷', '曆'], 松: ['松', '鬆'],
  斗: ['鬥', '斗'], 谷: ['谷', '穀'], 征: ['徵', '征'], 冲: ['衝', '沖'], 准: ['準', '准'],
  范: ['範', '范'], 卷: ['卷', '捲'], 划: ['劃', '划'], 表: ['表', '錶'], 丑: ['醜', '丑'],
  尽: ['盡', '儘'], 云: ['雲', '云'], 须: ['須', '鬚'], 蒙: ['蒙', '矇', '濛', '懞'], 汇: ['匯', '彙'],
  折: ['折', '摺'], 团: ['團', '糰'], 坛: ['壇', '罈'], 获: ['獲', '穫'], 签: ['簽', '籤'],
  致: ['致', '緻'], 游: ['遊', '游'], 注: ['注', '註'], 咸: ['鹹', '咸'], 凶: ['兇', '凶'],
  朴: ['樸', '朴'], 郁: ['鬱', '郁'], 几: ['幾', '几'], 据: ['據', '据'], 向: ['向', '嚮'],
  困: ['困', '睏'], 占: ['佔', '占'], 才: ['才', '纔'], 周: ['周', '週'], 托: ['托', '託'],
  症: ['症', '癥'], 冬: ['冬', '鼕'], 胡: ['胡', '鬍'], 秋: ['秋', '鞦'], 板: ['板', '闆'],
}

/** The few Traditional characters that have more than one Simplified form. */
export const AMBIGUOUS_TRADITIONAL: Record<string, string[]> = {
  著: ['着', '著'], 乾: ['干', '乾'], 藉: ['借', '藉'], 瞭: ['了', '瞭'], 覆: ['复', '覆'], 夥: ['伙', '夥'],
}

/**
 * Words that do not decide a neighbouring character: OpenCC's dictionary has entries such as
 * 干了 → 幹了 and 没干 → 沒幹 that are wrong as often as right (衣服还没干 is 沒乾).
 */
export const FUNCTION_CHARACTERS = new Set([...'了的着著过過得地吗嗎呢啊吧呀嘛没沒不还還'])

/**
 * Before a title (干先生, 余女士, 於先生) a character is a surname, which no dictionary decides:
 * these are flagged whatever phrase covers them, including 於, which is otherwise always 于.
 */
export const TITLES_AFTER_SURNAME = ['先生', '女士', '小姐', '太太', '經理', '经理', '老師', '老师']
export const SURNAME_ONLY_TRADITIONAL: Record<string, string[]> = { 於: ['于', '於'] }
