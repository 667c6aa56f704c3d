import { describeAccountLock } from './suites/accountLock'

describeAccountLock('postgres')
