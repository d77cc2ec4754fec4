import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { meSchema } from '../../../../../common/src/api/auth.js'
import { talkListSchema, talkSchema, type CreateTalk, type Talk } from '../../../../../common/src/api/talks.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { api, apiRequest } from '../../../lib/api-client.js'
import { useI18n } from '../../../lib/i18n.js'

export const useTalks = () => useQuery({ queryKey: ['talks', 'list'], queryFn: () => api.get('/api/talks', talkListSchema, { query: { pageSize: 100 } }) })
export const useTalk = (id: string | null) => useQuery({ queryKey: ['talks', 'detail', id], queryFn: () => api.get(`/api/talks/${id}`, talkSchema), enabled: id !== null })

/** Every change answers with the whole room; the list and the room refresh. */
export function useTalkMutation<I>(request: (input: I) => Promise<Talk>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['talks'] }) })
}

export const useCreateTalk = () => useTalkMutation((input: CreateTalk) => api.post('/api/talks', talkSchema, input))
export const talkCall = (method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => apiRequest(path, talkSchema, { method, body })

const useSessionUser = () => useQuery({ queryKey: ['auth', 'me'], queryFn: () => api.get('/api/auth/me', meSchema), staleTime: Infinity })

/** Units a talk may include (districts and departments), names, and what the user may do. */
export function useTalkContext() {
  const { lang } = useI18n()
  const me = useSessionUser().data
  const reference = useTenantReference().data
  const isCity = me?.role === 'city_admin' || me?.role === 'city_staff'
  const ownUnit = me?.scope.type === 'district' || me?.scope.type === 'department' ? me.scope.id : null
  const units = [
    ...(reference?.districts ?? []).map((d) => ({ value: d.code, label: d.nameZh })),
    ...(reference?.departments ?? []).map((d) => ({ value: d.code, label: lang === 'en-US' ? d.nameEn : d.nameZh })),
  ]
  return {
    isCity,
    displayName: me?.displayName ?? '',
    mayFollowUp: (unit: string) => isCity || (me?.role !== 'leader' && ownUnit === unit),
    units,
    districts: (reference?.districts ?? []).map((d) => ({ value: d.code, label: d.nameZh })),
    unitName: (code: string) => units.find((u) => u.value === code)?.label ?? code,
  }
}
