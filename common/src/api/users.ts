import { z } from 'zod'
import { roles } from '../roles.js'
import { passwordSchema, scopeSchema } from './auth.js'

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  scope: scopeSchema,
  scopeName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
})
export type User = z.infer<typeof userSchema>

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, 'lowercase letters, digits, _ . - only')

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  scope: scopeSchema,
  password: passwordSchema,
})
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>

export const updateUserRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(roles),
    scope: scopeSchema,
    disabled: z.boolean(),
  })
  .partial()
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>

export const resetPasswordRequestSchema = z.object({ newPassword: passwordSchema })

export const userListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(roles).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int() })
