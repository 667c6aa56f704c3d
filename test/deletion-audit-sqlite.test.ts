import { describeDeletionAudit } from './suites/deletionAudit'

describeDeletionAudit('sqlite')
