import { describeWorkflow } from './suites/workflow'

describeWorkflow('postgres')
