import { describeDeletionAudit } from './suites/deletionAudit'

describeDeletionAudit('postgres')
