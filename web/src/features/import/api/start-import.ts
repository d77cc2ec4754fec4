import { useMutation, useQueryClient } from '@tanstack/react-query'
import { importStartResponseSchema, type ImportKind } from '../../../../../common/src/api/import.js'
import { ApiError, buildQuery, toApiError } from '../../../lib/api-client.js'
import { importJobsQueryKey } from './get-import-jobs.js'

export interface StartImportInput {
  kind: ImportKind
  file: File
}

/**
 * Sends the file itself as the request body (the server takes no multipart). apiRequest only sends
 * JSON, so this one operation calls fetch and maps failures through the same ApiError.
 */
export async function startImport({ kind, file }: StartImportInput) {
  let response: Response
  try {
    response = await fetch(`/api/import/${kind}${buildQuery({ fileName: file.name })}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      body: file,
    })
  } catch (error) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: String(error), messageEn: String(error), fromClient: true })
  }
  const json: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw toApiError(response.status, json)
  const parsed = importStartResponseSchema.safeParse(json)
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: parsed.error.message, messageEn: parsed.error.message, fromClient: true })
  return parsed.data
}

export function useStartImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: startImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importJobsQueryKey }),
  })
}
