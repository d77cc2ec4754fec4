// Form values of the enterprise drawer and their mapping to requests (pure, tested).
import type { CreateEnterpriseRequest, EnterpriseDetail, UpdateEnterpriseRequest } from '../../../../common/src/api/enterprise.js'

export interface EnterpriseFormValues {
  uscc: string
  name: string
  regionCode: string
  industryCode: string
  address?: string | null
  businessScope?: string | null
  registeredCapital?: number | null
  revenue?: number | null
  tax?: number | null
  employees?: number | null
  foundedOn?: string | null
  tags?: string[]
  chainLeader?: boolean
  parentId?: string | null
  actualController?: string | null
  founderOriginCode?: string | null
  segments?: string[]
  mainSegment?: string | null
}

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim())
const numberOrNull = (v: number | null | undefined) => (v === undefined || v === null ? null : v)

export function toFormValues(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    uscc: e.uscc,
    name: e.name,
    regionCode: e.regionCode,
    industryCode: e.industryCode,
    address: e.address,
    businessScope: e.businessScope,
    registeredCapital: e.registeredCapital,
    revenue: e.revenue,
    tax: e.tax,
    employees: e.employees,
    foundedOn: e.foundedOn,
    tags: e.tags,
    chainLeader: e.chainLeader,
    parentId: e.parent?.id ?? null,
    actualController: e.actualController,
    founderOriginCode: e.founderOriginCode,
    segments: e.segments.map((s) => s.segmentCode),
    mainSegment: e.segments.find((s) => s.main)?.segmentCode ?? null,
  }
}

/** The segment list with one main segment: the chosen one if it is still in the list, else the first. */
export function segmentAssignments(codes: readonly string[], main: string | null | undefined) {
  const mainCode = main && codes.includes(main) ? main : codes[0]
  return codes.map((segmentCode) => ({ segmentCode, main: segmentCode === mainCode }))
}

export function toRequest(v: EnterpriseFormValues): CreateEnterpriseRequest {
  return {
    uscc: (v.uscc ?? '').trim(),
    name: (v.name ?? '').trim(),
    regionCode: (v.regionCode ?? '').trim(),
    industryCode: (v.industryCode ?? '').trim(),
    address: blankToNull(v.address),
    businessScope: blankToNull(v.businessScope),
    registeredCapital: numberOrNull(v.registeredCapital),
    revenue: numberOrNull(v.revenue),
    tax: numberOrNull(v.tax),
    employees: numberOrNull(v.employees),
    foundedOn: blankToNull(v.foundedOn),
    tags: v.tags ?? [],
    chainLeader: v.chainLeader ?? false,
    parentId: v.parentId ?? null,
    actualController: blankToNull(v.actualController),
    founderOriginCode: blankToNull(v.founderOriginCode),
    segments: segmentAssignments(v.segments ?? [], v.mainSegment),
  }
}

/** Only what changed, plus the version the form was read at (the server refuses a stale one). */
export function enterpriseChanges(before: EnterpriseDetail, values: EnterpriseFormValues): UpdateEnterpriseRequest {
  const next = toRequest(values)
  const old = toRequest(toFormValues(before))
  const changes: Record<string, unknown> = { version: before.version }
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((old as Record<string, unknown>)[key])) changes[key] = value
  }
  return changes as UpdateEnterpriseRequest
}
