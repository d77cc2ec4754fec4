import { useMutation, useQueryClient } from '@tanstack/react-query'
import { annualTargetSchema } from '../../../../../common/src/api/projects.js'
import { apiRequest } from '../../../lib/api-client.js'

export interface TargetUpdate {
  year: number
  region: string
  body: { count1: number; count10: number; count50: number; count100: number; investment: number; version: number }
}

export const updateAnnualTarget = ({ year, region, body }: TargetUpdate) =>
  apiRequest(`/api/projects/targets/${year}/${region}`, annualTargetSchema, { method: 'PUT', body })

export function useUpdateAnnualTarget() {
  const client = useQueryClient()
  return useMutation({ mutationFn: updateAnnualTarget, onSuccess: () => client.invalidateQueries({ queryKey: ['dashboard'] }) })
}
