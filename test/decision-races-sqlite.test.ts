import { describeDecisionRaces } from './suites/decisionRaces'

describeDecisionRaces('sqlite')
