import { describeAuditLog } from './suites/auditLog'

describeAuditLog('sqlite')
