import { z } from 'zod'
import { roles, scopeTypes } from '../roles.js'

export const scopeSchema = z.object({
  type: z.enum(scopeTypes),
  /** Region code (city or district), platform code, department code or enterprise id, by type. */
  id: z.string().min(1).max(64),
})
export type Scope = z.infer<typeof scopeSchema>

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
})

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  tenantId: z.string(),
  tenantName: z.string(),
  scope: scopeSchema,
  scopeName: z.string(),
  mustChangePassword: z.boolean(),
})
export type Me = z.infer<typeof meSchema>

export const passwordSchema = z
  .string()
  .min(10, 'at least 10 characters')
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'must contain letters and digits')

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
})
