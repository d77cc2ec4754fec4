import { Select, Spin, Typography } from 'antd'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { enterpriseListSchema, type EnterpriseSummary } from '../../../common/src/api/enterprise.js'
import { api } from '../lib/api-client.js'
import { useI18n } from '../lib/i18n.js'

export interface EnterprisePickerOption {
  value: string
  label: string
  enterprise: EnterpriseSummary
}

export interface EnterprisePickerProps {
  /** The chosen enterprise id, or null/undefined for none. */
  value?: string | null
  onChange?: (id: string | null, option: EnterprisePickerOption | null) => void
  placeholder?: string
  /** The chosen firm's name, shown before the search has run (e.g. when editing). */
  initialLabel?: string
  style?: React.CSSProperties
  allowClear?: boolean
  disabled?: boolean
  id?: string
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * Picks one enterprise by remote search: name fragment, pinyin initials (hkws) or USCC.
 * Props are stable: other features (lists, leads) rely on them.
 */
export function EnterprisePicker({ value, onChange, placeholder, initialLabel, style, allowClear = true, disabled, id }: EnterprisePickerProps) {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 250)
  const [chosen, setChosen] = useState<EnterprisePickerOption | null>(null)
  const results = useQuery({
    queryKey: ['enterprises', 'picker', q],
    queryFn: ({ signal }) => api.get('/api/enterprises', enterpriseListSchema, { query: { q, pageSize: 20, sort: 'revenue' }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  })
  const options: EnterprisePickerOption[] = (results.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, enterprise: e }))
  if (value && !options.some((o) => o.value === value)) {
    const label = chosen?.value === value ? chosen.label : (initialLabel ?? value)
    options.unshift(chosen?.value === value ? chosen : { value, label, enterprise: undefined as never })
  }
  return (
    <Select<string, EnterprisePickerOption>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('enterprise.picker.placeholder')}
      allowClear={allowClear}
      disabled={disabled}
      style={{ minWidth: 280, ...style }}
      options={options}
      notFoundContent={results.isFetching ? <Spin size="small" /> : q ? t('enterprise.picker.empty') : t('enterprise.picker.hint')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.enterprise && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.enterprise.uscc} · {option.data.enterprise.regionName}
            </Typography.Text>
          )}
        </div>
      )}
      onChange={(next, option) => {
        const picked = (Array.isArray(option) ? option[0] : option) ?? null
        setChosen(picked)
        onChange?.(next ?? null, picked)
      }}
    />
  )
}
