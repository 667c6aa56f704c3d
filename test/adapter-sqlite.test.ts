import { describeAdapterContract } from './suites/adapterContract'

describeAdapterContract('sqlite')
