import { describeSeedLoad } from './suites/seedLoad'

describeSeedLoad('sqlite')
