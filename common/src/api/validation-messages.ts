// The custom messages the shared zod schemas use, in English (as zod reports them) with their
// Chinese wording, so that the server's field errors read right in both languages.
export const validationMessagesZh: Record<string, string> = {
  'at least 10 characters': '至少 10 个字符',
  'must contain letters and digits': '必须同时包含字母和数字',
  'lowercase letters, digits, _ . - only': '只能使用小写字母、数字和 _ . -',
}
