import { describeRoutePrivileges } from './suites/routePrivileges'

describeRoutePrivileges('postgres')
