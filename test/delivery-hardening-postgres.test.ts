import { describeDeliveryHardening } from './suites/deliveryHardening'

describeDeliveryHardening('postgres')
