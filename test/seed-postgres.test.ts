import { describeSeedLoad } from './suites/seedLoad'

describeSeedLoad('postgres')
