import { describeFuzz } from './suites/fuzz'

describeFuzz('sqlite')
