import i18next from 'i18next'

/** The languages error messages are written in (chosen by `Accept-Language`). */
export const MESSAGE_LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number]

const en = {
  unauthorized: 'Send an API client key (Authorization: api-clients API-Key <key>) or sign in.',
  route_not_found: 'No route {{method}} {{path}}.',
  phrase_not_found: 'No published phrase "{{key}}" is in effect for that day and channel.',
  scenario_not_found: 'No scenario "{{key}}".',
  namespace_not_found: 'No category "{{ns}}": the namespaces are the category slugs ({{allowed}}).',
  not_translated: 'Phrase "{{key}}" has no {{locale}} text yet (it is never replaced by the other script).',
  unknown_locale: 'Unknown locale "{{value}}"; use one of {{allowed}}.',
  unknown_category: 'Unknown category "{{value}}"; use one of {{allowed}}.',
  unknown_channel: 'Unknown channel "{{value}}"; use one of {{allowed}}.',
  invalid_at: '"at" must be a day such as 2027-02-06 or an ISO 8601 time (got "{{value}}").',
  invalid_since: '"since" must be a revision number, 0 or more (got "{{value}}").',
  invalid_q: '"q" is at most {{max}} characters.',
  invalid_vars: 'vars[{{name}}] must name a variable (lowercase letters, digits, _) and carry one value of at most {{max}} characters.',
  usage_body: 'Send {"key": "<phrase key>", "locale": "zh-TW", "channel": "phone"}.',
  lint_body: 'Send the text to check: {"text": "…", "locale": "zh-TW"}.',
  body_locale: '"locale" is one of {{allowed}}.',
  body_channel: '"channel" is one of {{allowed}}.',
  query_limit: '"limit" must be 1 to {{max}} (page through longer lists).',
  query_pagination: '"pagination=false" is not allowed on the REST API; page through the list (limit at most {{max}}).',
  query_depth: '"depth" must be 0 to {{max}}.',
  query_where_conditions: 'A "where" may hold at most {{max}} conditions.',
  query_where_nesting: 'A "where" may nest at most {{max}} levels.',
  query_single_value: '"{{name}}" takes one value.',
  query_json_object: '"{{name}}" given whole must be a JSON object, e.g. where={"key":{"equals":"opening.standard"}}.',
  headers_too_large: 'The address or headers are larger than 16 KB.',
  bad_request: 'The request is not valid HTTP.',
  invalid_text: 'Send the text to convert as a string: {"text": "…", "to": "zh-TW"}.',
  unknown_target: 'Unknown target "{{value}}"; use one of {{allowed}}.',
  text_too_long: 'The text is {{length}} characters; at most {{max}} are accepted per request.',
  malformed_json: 'The request body is not valid JSON.',
  not_an_object: 'The request body must be a JSON object.',
  unsupported_media_type: 'Send JSON (Content-Type: application/json), or multipart/form-data for uploads.',
  malformed_multipart: 'The multipart body cannot be read (no boundary, or cut short), or its _payload is not a JSON object.',
  unsupported_encoding: 'Send the request body as UTF-8 JSON without a content encoding.',
  malformed_url: 'The address holds a malformed %-escape, a ".." or "." segment, or an encoded slash.',
  payload_too_large: 'The request body is too large.',
  internal_error: 'Internal server error.',
  rate_limited: 'Too many requests from this client; try again in {{seconds}} s.',
  sign_in_rate_limited: 'Too many failed sign-ins from this address; wait {{minutes}} minutes and try again.',
  account_locked: 'This account is locked after too many failed sign-ins: try again in {{minutes}} minutes (at {{time}}), or ask an admin to unlock it.',
  in_use: 'Phrase "{{key}}" is still in use and cannot be deleted ({{uses}}). Take it out of them first, or retire it instead.',
  in_use_scenarios: 'scenarios {{keys}}',
  in_use_variants: 'holiday variants {{keys}}',
  in_use_separator: '; ',
}
type Messages = typeof en
export type MessageKey = keyof Messages

const zhHant: Messages = {
  unauthorized: '請提供 API 用戶端金鑰（Authorization: api-clients API-Key <key>）或先登入。',
  route_not_found: '沒有 {{method}} {{path}} 這個路徑。',
  phrase_not_found: '該日期與管道沒有已發布的話術「{{key}}」。',
  scenario_not_found: '沒有情境「{{key}}」。',
  namespace_not_found: '沒有類別「{{ns}}」：命名空間是類別代碼（{{allowed}}）。',
  not_translated: '話術「{{key}}」還沒有 {{locale}} 文字（不會以另一種字體代替）。',
  unknown_locale: '不認識的語系「{{value}}」，請使用 {{allowed}}。',
  unknown_category: '不認識的類別「{{value}}」，請使用 {{allowed}}。',
  unknown_channel: '不認識的管道「{{value}}」，請使用 {{allowed}}。',
  invalid_at: '「at」必須是日期（如 2027-02-06）或 ISO 8601 時間（收到「{{value}}」）。',
  invalid_since: '「since」必須是 0 以上的版本號（收到「{{value}}」）。',
  invalid_q: '「q」最多 {{max}} 個字元。',
  invalid_vars: 'vars[{{name}}] 須是變數名稱（小寫英文字母、數字、_），且只帶一個最多 {{max}} 個字元的值。',
  usage_body: '請傳送 {"key": "<話術代碼>", "locale": "zh-TW", "channel": "phone"}。',
  lint_body: '請傳送要檢查的文字：{"text": "…", "locale": "zh-TW"}。',
  body_locale: '「locale」須為 {{allowed}} 之一。',
  body_channel: '「channel」須為 {{allowed}} 之一。',
  query_limit: '「limit」須為 1 到 {{max}}（較長的清單請分頁讀取）。',
  query_pagination: 'REST API 不接受「pagination=false」；請分頁讀取（limit 最多 {{max}}）。',
  query_depth: '「depth」須為 0 到 {{max}}。',
  query_where_conditions: '「where」最多 {{max}} 個條件。',
  query_where_nesting: '「where」最多只能巢狀 {{max}} 層。',
  query_single_value: '「{{name}}」只能有一個值。',
  query_json_object: '整個傳送的「{{name}}」必須是 JSON 物件，例如 where={"key":{"equals":"opening.standard"}}。',
  headers_too_large: '網址或標頭超過 16 KB。',
  bad_request: '請求不是有效的 HTTP。',
  invalid_text: '請以字串傳送要轉換的文字：{"text": "…", "to": "zh-TW"}。',
  unknown_target: '不認識的目標「{{value}}」，請使用 {{allowed}}。',
  text_too_long: '文字有 {{length}} 個字元，每次最多接受 {{max}} 個。',
  malformed_json: '請求內容不是有效的 JSON。',
  not_an_object: '請求內容必須是 JSON 物件。',
  unsupported_media_type: '請以 JSON（Content-Type: application/json）傳送；上傳檔案請用 multipart/form-data。',
  malformed_multipart: '無法讀取 multipart 內容（缺少 boundary 或內容不完整），或其中的 _payload 不是 JSON 物件。',
  unsupported_encoding: '請以 UTF-8 的 JSON 傳送請求內容，不要壓縮編碼。',
  malformed_url: '網址含有無效的 % 跳脫字元、「..」或「.」路徑段，或編碼過的斜線。',
  payload_too_large: '請求內容太大。',
  internal_error: '伺服器內部錯誤。',
  rate_limited: '此用戶端的請求過多，請於 {{seconds}} 秒後再試。',
  sign_in_rate_limited: '此位址登入失敗次數過多，請等 {{minutes}} 分鐘後再試。',
  account_locked: '此帳號登入失敗次數過多，已暫時鎖定：請於 {{minutes}} 分鐘後（{{time}}）再試，或請管理員解除鎖定。',
  in_use: '話術「{{key}}」仍在使用中，不能刪除（{{uses}}）。請先將它從中移除，或改為停用。',
  in_use_scenarios: '通話腳本 {{keys}}',
  in_use_variants: '節日版本 {{keys}}',
  in_use_separator: '；',
}

const zhHans: Messages = {
  unauthorized: '请提供 API 客户端密钥（Authorization: api-clients API-Key <key>）或先登录。',
  route_not_found: '没有 {{method}} {{path}} 这个路径。',
  phrase_not_found: '该日期与渠道没有已发布的话术“{{key}}”。',
  scenario_not_found: '没有场景“{{key}}”。',
  namespace_not_found: '没有类别“{{ns}}”：命名空间是类别代码（{{allowed}}）。',
  not_translated: '话术“{{key}}”还没有 {{locale}} 文字（不会以另一种字体代替）。',
  unknown_locale: '不认识的语言区域“{{value}}”，请使用 {{allowed}}。',
  unknown_category: '不认识的类别“{{value}}”，请使用 {{allowed}}。',
  unknown_channel: '不认识的渠道“{{value}}”，请使用 {{allowed}}。',
  invalid_at: '“at”必须是日期（如 2027-02-06）或 ISO 8601 时间（收到“{{value}}”）。',
  invalid_since: '“since”必须是 0 以上的版本号（收到“{{value}}”）。',
  invalid_q: '“q”最多 {{max}} 个字符。',
  invalid_vars: 'vars[{{name}}] 须是变量名称（小写英文字母、数字、_），且只带一个最多 {{max}} 个字符的值。',
  usage_body: '请发送 {"key": "<话术代码>", "locale": "zh-TW", "channel": "phone"}。',
  lint_body: '请发送要检查的文字：{"text": "…", "locale": "zh-TW"}。',
  body_locale: '“locale”须为 {{allowed}} 之一。',
  body_channel: '“channel”须为 {{allowed}} 之一。',
  query_limit: '“limit”须为 1 到 {{max}}（较长的列表请分页读取）。',
  query_pagination: 'REST API 不接受“pagination=false”；请分页读取（limit 最多 {{max}}）。',
  query_depth: '“depth”须为 0 到 {{max}}。',
  query_where_conditions: '“where”最多 {{max}} 个条件。',
  query_where_nesting: '“where”最多只能嵌套 {{max}} 层。',
  query_single_value: '“{{name}}”只能有一个值。',
  query_json_object: '整个发送的“{{name}}”必须是 JSON 对象，例如 where={"key":{"equals":"opening.standard"}}。',
  headers_too_large: '网址或标头超过 16 KB。',
  bad_request: '请求不是有效的 HTTP。',
  invalid_text: '请以字符串发送要转换的文字：{"text": "…", "to": "zh-TW"}。',
  unknown_target: '不认识的目标“{{value}}”，请使用 {{allowed}}。',
  text_too_long: '文字有 {{length}} 个字符，每次最多接受 {{max}} 个。',
  malformed_json: '请求内容不是有效的 JSON。',
  not_an_object: '请求内容必须是 JSON 对象。',
  unsupported_media_type: '请以 JSON（Content-Type: application/json）发送；上传文件请用 multipart/form-data。',
  malformed_multipart: '无法读取 multipart 内容（缺少 boundary 或内容不完整），或其中的 _payload 不是 JSON 对象。',
  unsupported_encoding: '请以 UTF-8 的 JSON 发送请求内容，不要压缩编码。',
  malformed_url: '网址含有无效的 % 转义、“..”或“.”路径段，或编码过的斜杠。',
  payload_too_large: '请求内容太大。',
  internal_error: '服务器内部错误。',
  rate_limited: '此客户端的请求过多，请于 {{seconds}} 秒后再试。',
  sign_in_rate_limited: '此地址登录失败次数过多，请等 {{minutes}} 分钟后再试。',
  account_locked: '此账号登录失败次数过多，已暂时锁定：请于 {{minutes}} 分钟后（{{time}}）再试，或请管理员解除锁定。',
  in_use: '话术“{{key}}”仍在使用中，不能删除（{{uses}}）。请先将它从中移除，或改为停用。',
  in_use_scenarios: '通话脚本 {{keys}}',
  in_use_variants: '节日版本 {{keys}}',
  in_use_separator: '；',
}

/** One i18next instance for the API's own messages (JSON, so nothing is HTML-escaped). */
const i18n = i18next.createInstance()
void i18n.init({
  initAsync: false,
  resources: { 'zh-Hant': { translation: zhHant }, 'zh-Hans': { translation: zhHans }, en: { translation: en } },
  fallbackLng: 'zh-Hant',
  interpolation: { escapeValue: false },
})

/**
 * The message language for an `Accept-Language` header, by its q-values: Traditional for
 * zh-Hant/TW/HK/MO, Simplified for zh-Hans/CN/SG and bare zh, English for en; Traditional when
 * nothing matches (the library's default script).
 */
export function messageLanguage(acceptLanguage: string | undefined): MessageLanguage {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, position) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1)
      return { tag: tag.trim(), q: Number.isNaN(q) ? 0 : q, position }
    })
    .filter((range) => range.tag && range.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position)
  for (const { tag } of ranges) {
    if (/^zh-(hant|tw|hk|mo)\b/.test(tag)) return 'zh-Hant'
    if (/^zh(-(hans|cn|sg))?\b/.test(tag)) return 'zh-Hans'
    if (/^en\b/.test(tag)) return 'en'
  }
  return 'zh-Hant'
}

export function message(key: MessageKey, language: MessageLanguage, values: Record<string, unknown> = {}): string {
  return i18n.t(key, { lng: language, ...values })
}
