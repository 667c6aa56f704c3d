import { describeRestoreConversion } from './suites/restoreConversion'

describeRestoreConversion('sqlite')
