import { useMutation, useQueryClient } from '@tanstack/react-query'
import { targetImportResultSchema } from '../../../../../common/src/api/lists.js'
import { api } from '../../../lib/api-client.js'
import { listsKeys } from './keys.js'

/** Reads the chosen file and sends it base64-encoded (the server takes JSON only). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export const importTargets = async ({ region, file }: { region: string; file: File }) =>
  api.post('/api/lists/targets/import', targetImportResultSchema, { region, fileName: file.name, contentBase64: await fileToBase64(file) })

export function useImportTargets() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: importTargets, onSuccess: () => queryClient.invalidateQueries({ queryKey: listsKeys.targets }) })
}
