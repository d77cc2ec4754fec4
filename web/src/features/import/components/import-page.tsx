import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Progress, Segmented, Space, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { ImportJob, ImportJobDetail, ImportKind, ImportRowError, ImportStatus } from '../../../../../common/src/api/import.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { pickServerMessage } from '../../../lib/translate.js'
import { importErrorsUrl, importTemplateUrl, useImportJob } from '../api/get-import-job.js'
import { importJobsQueryKey, useImportJobs } from '../api/get-import-jobs.js'
import { useStartImport } from '../api/start-import.js'
import { isRunning, jobPercent } from '../job-progress.js'

const statusColor: Record<ImportStatus, string> = { validating: 'processing', writing: 'processing', done: 'success', failed: 'error' }
const statusKey = (status: ImportStatus) => `import.status.${status}` as MessageKey
const kindKey = (kind: ImportKind) => `import.kind.${kind}` as MessageKey

export function ImportPage() {
  const { t, errorText } = useI18n()
  const [kind, setKind] = useState<ImportKind>('enterprises')
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useStartImport()
  const job = useImportJob(jobId)
  const jobs = useImportJobs()
  const current = job.data
  const queryClient = useQueryClient()
  const finished = current !== undefined && !isRunning(current)

  // the list shows the job's end as soon as the job itself does
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: importJobsQueryKey })
  }, [finished, current?.id, queryClient])

  const upload = (file: File) => {
    start.mutate(
      { kind, file },
      {
        onSuccess: ({ jobId: id }) => setJobId(id),
      },
    )
    return false
  }

  const jobColumns: TableColumnsType<ImportJob> = [
    { title: t('import.col.fileName'), dataIndex: 'fileName', ellipsis: true },
    { title: t('import.col.kind'), dataIndex: 'kind', render: (value: ImportKind) => t(kindKey(value)) },
    {
      title: t('import.col.status'),
      dataIndex: 'status',
      render: (value: ImportStatus) => <Tag color={statusColor[value]}>{t(statusKey(value))}</Tag>,
    },
    { title: t('import.col.rows'), dataIndex: 'totalRows', align: 'right' },
    { title: t('import.col.written'), dataIndex: 'writtenRows', align: 'right' },
    { title: t('import.col.problems'), dataIndex: 'errorCount', align: 'right' },
    { title: t('import.col.createdBy'), dataIndex: 'createdByName' },
    { title: t('import.col.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => setJobId(row.id)}>
          {t('import.view')}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('import.title')}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('import.kind')}</Typography.Text>
          <Segmented<ImportKind>
            aria-label={t('import.kind')}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'enterprises', label: t('import.kind.enterprises') },
              { value: 'relations', label: t('import.kind.relations') },
            ]}
          />
          <Button icon={<DownloadOutlined />} href={importTemplateUrl(kind)}>
            {t('import.template')}
          </Button>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={start.isPending}
          beforeUpload={upload}
          aria-label={t('import.upload.title')}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.upload.title')}</p>
          <p className="ant-upload-hint">{t('import.upload.hint')}</p>
        </Upload.Dragger>
        {start.isError && <Alert type="error" showIcon title={errorText(start.error)} style={{ marginTop: 16 }} />}
      </Card>

      {jobId && (
        <Card title={current ? t('import.job.title', { fileName: current.fileName }) : t('import.title')} loading={!current && job.isLoading}>
          {job.isError && <Alert type="error" showIcon title={errorText(job.error)} />}
          {current && <JobResult job={current} />}
        </Card>
      )}

      <Card title={t('import.recent')}>
        {jobs.isError && <Alert type="error" showIcon title={errorText(jobs.error)} style={{ marginBottom: 16 }} />}
        <Table<ImportJob>
          rowKey="id"
          size="small"
          columns={jobColumns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isFetching && !jobs.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </Space>
  )
}

function JobResult({ job }: { job: ImportJobDetail }) {
  const { t, lang } = useI18n()
  const running = isRunning(job)
  const problems = job.errors
  const columns: TableColumnsType<ImportRowError> = [
    {
      title: t('import.col.row'),
      dataIndex: 'row',
      width: 80,
      render: (row: number | null) => row ?? t('import.wholeFile'),
    },
    { title: t('import.col.column'), dataIndex: 'column', width: 220 },
    {
      title: t('import.col.level'),
      dataIndex: 'level',
      width: 80,
      render: (level: ImportRowError['level']) =>
        level === 'error' ? <Tag color="error">{t('import.level.error')}</Tag> : <Tag color="warning">{t('import.level.warning')}</Tag>,
    },
    { title: t('import.col.message'), key: 'message', render: (_, e) => pickServerMessage(lang, e) },
  ]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Progress
        percent={jobPercent(job)}
        status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
        aria-label={t(statusKey(job.status))}
      />
      {running && (
        <Typography.Text type="secondary">
          {job.status === 'writing'
            ? t('import.progress.writing', { total: job.totalRows })
            : job.totalRows === 0
              ? t('import.progress.reading')
              : t('import.progress.validating', { processed: job.processedRows, total: job.totalRows })}
        </Typography.Text>
      )}
      {job.status === 'done' && (
        <Alert
          type="success"
          showIcon
          title={t('import.done', { count: job.writtenRows })}
          description={job.warningCount > 0 ? t('import.done.warnings', { count: job.warningCount }) : undefined}
        />
      )}
      {job.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={t('import.failed', { count: job.errorCount })}
          description={job.errorCount > problems.length ? t('import.failed.capped', { shown: problems.length }) : undefined}
          action={
            <Button size="small" icon={<DownloadOutlined />} href={importErrorsUrl(job.id)}>
              {t('import.errors.download')}
            </Button>
          }
        />
      )}
      {!running && problems.length > 0 && (
        <Table<ImportRowError>
          rowKey={(e, i) => `${e.row ?? 'file'}-${e.column}-${e.code}-${i}`}
          size="small"
          columns={columns}
          dataSource={problems}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          aria-label={t('import.col.message')}
        />
      )}
    </Space>
  )
}
