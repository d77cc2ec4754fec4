import { describe, expect, it } from 'vitest'
import type { EnterpriseDetail } from '../../../../common/src/api/enterprise.js'
import { enterpriseChanges, segmentAssignments, toFormValues, toRequest } from './enterprise-form.js'

const detail: EnterpriseDetail = {
  id: 'e1', uscc: '91330108MA0000001X', name: '杭州甲科技有限公司', tradeName: '甲', regionCode: '330108', regionName: '滨江区', local: true,
  industryCode: '3990', revenue: 100, employees: 10, foundedOn: null, tags: ['上市'], chainLeader: false, sizeClass: 'micro', status: 'active',
  formerNames: [], nameInitials: 'j', address: null, industryName: null, businessScope: null, registeredCapital: null, tax: null,
  parent: null, actualController: null, founderOriginCode: null, founderOriginName: null, mergedInto: null,
  segments: [
    { segmentCode: 's1', segmentName: 'S1', chainCode: 'c', chainName: 'C', main: false, source: 'rule' },
    { segmentCode: 's2', segmentName: 'S2', chainCode: 'c', chainName: 'C', main: true, source: 'manual' },
  ],
  version: 3, createdAt: '', updatedAt: '',
}

describe('enterprise form mapping', () => {
  it('keeps one main segment', () => {
    expect(segmentAssignments(['a', 'b'], 'b')).toEqual([{ segmentCode: 'a', main: false }, { segmentCode: 'b', main: true }])
    expect(segmentAssignments(['a', 'b'], 'gone')).toEqual([{ segmentCode: 'a', main: true }, { segmentCode: 'b', main: false }])
    expect(segmentAssignments([], null)).toEqual([])
  })

  it('turns blanks into nulls and trims', () => {
    const request = toRequest({ uscc: ' 91 ', name: ' 名 ', regionCode: '330108', industryCode: '3990', address: '  ', revenue: undefined })
    expect(request).toMatchObject({ uscc: '91', name: '名', address: null, revenue: null, tags: [], segments: [] })
  })

  it('sends only changed fields with the version read', () => {
    const values = { ...toFormValues(detail), revenue: 200 }
    expect(enterpriseChanges(detail, values)).toEqual({ version: 3, revenue: 200 })
    expect(enterpriseChanges(detail, toFormValues(detail))).toEqual({ version: 3 })
    const segs = enterpriseChanges(detail, { ...toFormValues(detail), mainSegment: 's1' })
    expect(segs.segments).toEqual([{ segmentCode: 's1', main: true }, { segmentCode: 's2', main: false }])
  })
})
