import { z } from 'zod'

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
})

/** The one error body every endpoint returns. */
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  fields: z.array(fieldErrorSchema).optional(),
  requestId: z.string().optional(),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
export type FieldError = z.infer<typeof fieldErrorSchema>
