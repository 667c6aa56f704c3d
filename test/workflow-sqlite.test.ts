import { describeWorkflow } from './suites/workflow'

describeWorkflow('sqlite')
