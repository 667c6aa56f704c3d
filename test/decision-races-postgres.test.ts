import { describeDecisionRaces } from './suites/decisionRaces'

describeDecisionRaces('postgres', { twoProcesses: true })
