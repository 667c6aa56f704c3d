import { describeAdapterContract } from './suites/adapterContract'

describeAdapterContract('postgres')
