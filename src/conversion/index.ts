export { CALL_CENTRE_OVERRIDES } from './callCentreOverrides'
export { type Ambiguity, type Conversion, type GlossaryRule, PhraseConverter } from './converter'
export { CONVERSION_TARGETS, type ConversionTarget, isConversionTarget, scriptOf } from './targets'
export { glossaryRuleFrom, type StoredGlossaryEntry, storedOverridesFrom } from './glossaryRules'
