import { describeRestoreConversion } from './suites/restoreConversion'

describeRestoreConversion('postgres')
