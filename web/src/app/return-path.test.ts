import { describe, expect, it } from 'vitest'
import { returnPath } from './return-path.js'

describe('returnPath', () => {
  it.each([
    [{ from: '/users?page=2' }, '/users?page=2'],
    [{ from: '/audit' }, '/audit'],
    [null, '/'],
    [undefined, '/'],
    [{}, '/'],
    [{ from: 42 }, '/'],
    [{ from: 'https://evil.example/' }, '/'],
    [{ from: '//evil.example/' }, '/'],
    [{ from: '/\\evil.example/' }, '/'],
    [{ from: '/login' }, '/'],
    [{ from: '/login?x=1' }, '/'],
  ])('%o → %s', (state, path) => {
    expect(returnPath(state)).toBe(path)
  })
})
