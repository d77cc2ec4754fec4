import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Modal, Select, Space, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import type { FieldError } from '../../../../../common/src/api/errors.js'
import { ApiError } from '../../../lib/api-client.js'
import { useI18n } from '../../../lib/i18n.js'
import { pickServerMessage } from '../../../lib/translate.js'
import { useImportTargets } from '../api/import-targets.js'
import { importErrorCell } from '../list-params.js'
import { useListContext } from './use-list-context.js'

/** Upload an Excel/CSV of targets: all rows are imported, or none and a table of row/column errors. */
export function TargetImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const ctx = useListContext()
  const [region, setRegion] = useState<string | undefined>(undefined)
  const [file, setFile] = useState<File | null>(null)
  const [errors, setErrors] = useState<FieldError[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [imported, setImported] = useState<number | null>(null)
  const importTargets = useImportTargets()
  const chosenRegion = region ?? ctx.defaultRegion

  const reset = () => {
    setErrors(null)
    setFailure(null)
    setImported(null)
  }
  const close = () => {
    reset()
    setFile(null)
    onClose()
  }
  const run = () => {
    if (!file) return
    reset()
    importTargets.mutate(
      { region: chosenRegion, file },
      {
        onSuccess: (r) => setImported(r.imported),
        onError: (error) => {
          setFailure(errorText(error))
          if (error instanceof ApiError && error.fields.length > 0) setErrors(error.fields)
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      title={t('lists.import.title')}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('lists.import.close')}</Button>
          <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={importTargets.isPending} onClick={run}>
            {t('lists.import.run')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('lists.import.hint')}</Typography.Paragraph>
        <Space wrap>
          <Select
            aria-label={t('lists.region')}
            style={{ width: 180 }}
            value={chosenRegion}
            options={ctx.isCity ? ctx.regionOptions : ctx.regionOptions.filter((o) => o.value === ctx.ownDistrict)}
            onChange={setRegion}
          />
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f)
              reset()
              return false
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('lists.import.choose')}</Button>
          </Upload>
          <Button type="link" icon={<DownloadOutlined />} href="/api/lists/targets/import-template.xlsx">
            {t('lists.import.template')}
          </Button>
        </Space>
        {imported !== null && <Alert type="success" showIcon title={t('lists.import.done', { count: imported })} />}
        {failure && <Alert type="error" showIcon title={failure} />}
        {errors && (
          <Table<FieldError & { key: number }>
            size="small"
            rowKey="key"
            pagination={{ pageSize: 10 }}
            dataSource={errors.map((e, i) => ({ ...e, key: i }))}
            columns={[
              { title: t('lists.import.row'), key: 'row', width: 80, render: (_, e) => importErrorCell(e.path).row ?? '—' },
              { title: t('lists.import.column'), key: 'column', width: 200, render: (_, e) => importErrorCell(e.path).column },
              { title: t('lists.import.problem'), key: 'message', render: (_, e) => pickServerMessage(lang, e) },
            ]}
          />
        )}
      </Space>
    </Modal>
  )
}
