import { describeRoutePrivileges } from './suites/routePrivileges'

describeRoutePrivileges('sqlite')
