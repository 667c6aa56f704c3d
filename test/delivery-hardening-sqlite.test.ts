import { describeDeliveryHardening } from './suites/deliveryHardening'

describeDeliveryHardening('sqlite')
