export {
  type Finding,
  findingsAreBlocking,
  type ForbiddenTerm,
  ForbiddenTermMatcher,
  type NormalizedText,
  normalizeForMatching,
  type Severity,
} from './matcher'
