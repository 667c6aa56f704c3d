import { describeAccountLock } from './suites/accountLock'

describeAccountLock('sqlite')
