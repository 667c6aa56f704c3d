import { describeAuditLog } from './suites/auditLog'

describeAuditLog('postgres')
