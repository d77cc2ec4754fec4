import { App, InputNumber, Modal, Table } from 'antd'
import type { AnnualTarget } from '../../../../../common/src/api/projects.js'
import { useI18n } from '../../../lib/i18n.js'
import { useAnnualTargets } from '../api/get-targets.js'
import { useUpdateAnnualTarget } from '../api/update-target.js'

type CountKey = 'count1' | 'count10' | 'count50' | 'count100'
const counts: CountKey[] = ['count1', 'count10', 'count50', 'count100']

/** The city bureau edits each district's annual targets; every cell saves on its own with the row's version. */
export function TargetsEditor({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const targets = useAnnualTargets(year, open)
  const update = useUpdateAnnualTarget()
  const save = (row: AnnualTarget, key: CountKey | 'investment', value: number | null) => {
    if (value === null || value === row[key]) return
    const { count1, count10, count50, count100, investment, version } = row
    update.mutate(
      { year, region: row.regionCode, body: { count1, count10, count50, count100, investment, version, [key]: value } },
      { onSuccess: () => message.success(t('dashboard.targets.saved', { region: row.regionName })), onError: (error) => message.error(errorText(error)) },
    )
  }
  return (
    <Modal open={open} width={820} title={t('dashboard.targets.title', { year })} footer={null} onCancel={onClose} destroyOnHidden>
      <Table<AnnualTarget>
        rowKey="regionCode"
        size="small"
        pagination={false}
        loading={targets.isFetching}
        dataSource={targets.data?.items ?? []}
        columns={[
          { title: t('dashboard.region'), dataIndex: 'regionName' },
          ...counts.map((key, i) => ({
            title: t('dashboard.targets.count', { label: t(`projects.sizeClass.${i + 1}` as 'projects.sizeClass.1') }),
            key,
            render: (_: unknown, row: AnnualTarget) => (
              <InputNumber aria-label={`${row.regionName} ${key}`} min={0} precision={0} defaultValue={row[key]} onBlur={(e) => save(row, key, e.target.value === '' ? null : Number(e.target.value))} style={{ width: 90 }} />
            ),
          })),
          {
            title: t('dashboard.targets.investment'),
            key: 'investment',
            render: (_: unknown, row: AnnualTarget) => (
              <InputNumber min={0} precision={0} defaultValue={row.investment} onBlur={(e) => save(row, 'investment', e.target.value === '' ? null : Number(e.target.value))} style={{ width: 130 }} />
            ),
          },
        ]}
      />
    </Modal>
  )
}
