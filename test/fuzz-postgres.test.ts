import { describeFuzz } from './suites/fuzz'

describeFuzz('postgres')
