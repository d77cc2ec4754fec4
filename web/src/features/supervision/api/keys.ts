export const supervisionKeys = {
  all: ['supervision'] as const,
  stuck: ['supervision', 'stuck'] as const,
  notYet: ['supervision', 'not-yet'] as const,
  problems: ['supervision', 'problems'] as const,
  redBlack: ['supervision', 'red-black'] as const,
  redBlackMonths: ['supervision', 'red-black', 'months'] as const,
}
