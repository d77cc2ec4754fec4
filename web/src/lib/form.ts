// Glue between the zod contracts in common/ and antd forms: the same schema checks the form in the
// browser and the request on the server, and the server's field errors land on the same fields.
import type { FormInstance } from 'antd'
import type { z } from 'zod'
import type { FieldError } from '../../../common/src/api/errors.js'
import type { MessageKey } from '../i18n/index.js'
import { pickServerMessage, type Lang, type TranslateParams } from './translate.js'

type Translate = (key: MessageKey, params?: TranslateParams) => string
type Issue = z.core.$ZodIssue

export interface FormFieldError {
  name: string[]
  errors: string[]
}

/** Field-specific wording for format and custom rules (a regex or a refine says nothing readable). */
export type IssueOverrides = Partial<Record<string, MessageKey>>

export function issueMessage(issue: Issue, t: Translate, overrides: IssueOverrides = {}): string {
  const override = overrides[issue.path.join('.')]
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? t('validation.required') : t('validation.invalid')
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.minLength', { min: Number(issue.minimum) })
      }
      return t('validation.min', { min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: Number(issue.maximum) })
      return t('validation.max', { max: Number(issue.maximum) })
    case 'invalid_format':
      return override ? t(override) : t('validation.format')
    case 'invalid_value':
      return t('validation.choice')
    case 'custom':
      return override ? t(override) : t('validation.invalid')
    default:
      return t('validation.invalid')
  }
}

/** All issues of a failed parse, grouped by field, in the form's name-path shape. */
export function zodFieldErrors(error: z.ZodError, t: Translate, overrides?: IssueOverrides): FormFieldError[] {
  const byPath = new Map<string, FormFieldError>()
  for (const issue of error.issues) {
    const name = issue.path.map(String)
    const key = name.join('.')
    const entry = byPath.get(key) ?? { name, errors: [] }
    const message = issueMessage(issue, t, overrides)
    if (!entry.errors.includes(message)) entry.errors.push(message)
    byPath.set(key, entry)
  }
  return [...byPath.values()]
}

const requestParts = new Set(['body', 'query', 'querystring', 'params'])

/** Server field path to form name path: `body.scope.id` → `['scope', 'id']`; service errors omit `body.`. */
export function formNameOf(serverPath: string): string[] {
  const parts = serverPath.split('.').filter(Boolean)
  if (parts.length > 1 && requestParts.has(parts[0]!)) parts.shift()
  return parts
}

/**
 * The server's field errors for the fields the form shows; errors on fields the form does not have
 * are returned apart so the caller can show them in an alert instead of losing them.
 */
export function serverFieldErrors(
  fields: readonly FieldError[],
  lang: Lang,
  formFields: readonly string[],
): { matched: FormFieldError[]; unmatched: string[] } {
  const known = new Set(formFields)
  const byPath = new Map<string, FormFieldError>()
  const unmatched: string[] = []
  for (const field of fields) {
    const name = formNameOf(field.path)
    const key = name.join('.')
    const message = pickServerMessage(lang, field)
    if (!known.has(key)) {
      unmatched.push(key ? `${key}: ${message}` : message)
      continue
    }
    const entry = byPath.get(key) ?? { name, errors: [] }
    entry.errors.push(message)
    byPath.set(key, entry)
  }
  return { matched: [...byPath.values()], unmatched }
}

/** An antd rule that checks one field with the zod schema of that field. */
export function zodRule(schema: z.ZodType, t: Translate, overrides?: IssueOverrides, path: string[] = []) {
  return {
    validator: async (_rule: unknown, value: unknown) => {
      const result = schema.safeParse(value)
      if (result.success) return
      const issue = result.error.issues[0]!
      throw new Error(issueMessage({ ...issue, path: [...path, ...issue.path] } as Issue, t, overrides))
    },
  }
}

/** Puts errors on a form; names come from runtime paths, so the form's static name type cannot check them. */
export function showFieldErrors<T>(form: FormInstance<T>, errors: readonly FormFieldError[]): void {
  form.setFields(errors.map((e) => ({ name: e.name, errors: e.errors })) as Parameters<FormInstance<T>['setFields']>[0])
}
