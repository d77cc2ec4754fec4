import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { dashboardSchema } from '../../../../../common/src/api/dashboard.js'
import { api } from '../../../lib/api-client.js'

export type DashboardParams = { region?: string | undefined; year?: number | undefined }
export const getDashboard = (params: DashboardParams) => api.get('/api/dashboard', dashboardSchema, { query: params })

export function useDashboard(params: DashboardParams) {
  return useQuery({ queryKey: ['dashboard', params], queryFn: () => getDashboard(params), placeholderData: keepPreviousData, refetchInterval: 5 * 60_000 })
}

export const monthlyReportUrl = (params: DashboardParams) =>
  `/api/dashboard/monthly-report.xlsx?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))}`
