import { DeleteOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons'
import { App, Button, Card, Checkbox, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { notYetKeys, type Project } from '../../../../../common/src/api/projects.js'
import { useTenantReference } from '../../../api/reference/get-tenant-reference.js'
import { formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { useDeleteView } from '../api/delete-view.js'
import { projectsExportUrl, useProjects } from '../api/get-projects.js'
import { useSavedViews } from '../api/get-views.js'
import { useSaveView } from '../api/save-view.js'
import { useStageNames } from './use-stage-names.js'

// Filters the page edits itself; any other query parameter (a dashboard drill-down: signedFrom,
// inEcosystem, ...) is kept as it came and shown as the active filter.
const ownFilters = new Set(['q', 'region', 'stages', 'sizeClassMin', 'notYet', 'stuck', 'openProblems', 'page', 'pageSize'])
const notYetLabel = (key: string) => `projects.notYet.${key}` as MessageKey

export function ProjectsPage({ canExport = true }: { canExport?: boolean }) {
  const { t, lang } = useI18n()
  const { message } = App.useApp()
  const [search, setSearch] = useSearchParams()
  const params = Object.fromEntries(search.entries())
  const query = { page: '1', pageSize: '20', ...params }
  const projects = useProjects(query)
  const { stages, stageName } = useStageNames()
  const districts = useTenantReference().data?.districts ?? []
  const views = useSavedViews().data?.items ?? []
  const saveView = useSaveView()
  const deleteView = useDeleteView()
  const [naming, setNaming] = useState<string | null>(null)

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search)
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key)
      else next.set(key, value)
    }
    if (!('page' in changes)) next.delete('page')
    setSearch(next)
  }
  const filter = Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'page' && k !== 'pageSize'))
  const foreign = Object.entries(params).filter(([k]) => !ownFilters.has(k))

  const columns: TableColumnsType<Project> = [
    { title: t('projects.name'), key: 'name', render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
    { title: t('projects.investor'), dataIndex: 'investorName', ellipsis: true },
    { title: t('projects.region'), dataIndex: 'regionName', width: 90 },
    { title: t('projects.stage'), key: 'stage', width: 100, render: (_, p) => <Tag color="blue">{stageName(p.stage)}</Tag> },
    { title: t('projects.total'), key: 'total', align: 'right', width: 140, render: (_, p) => formatNumber(p.totalInvestment, lang) },
    { title: t('projects.sizeClass'), key: 'size', width: 100, render: (_, p) => t(`projects.sizeClass.${p.sizeClass}` as MessageKey) },
    { title: t('projects.signedOn'), dataIndex: 'signedOn', width: 110 },
    { title: t('projects.stageEnteredOn'), dataIndex: 'stageEnteredOn', width: 110 },
    {
      title: t('projects.firstTalk'),
      key: 'firstTalk',
      width: 110,
      render: (_, p) => (p.violatesFirstTalk ? <Tag color="red">{t('projects.violates')}</Tag> : t(`projects.firstTalk.${p.firstTalkStatus}` as MessageKey)),
    },
  ]

  return (
    <Card
      title={t('projects.title')}
      extra={
        <Space wrap>
          <Select
            aria-label={t('projects.views')}
            placeholder={t('projects.views')}
            style={{ width: 200 }}
            value={null}
            options={views.map((v) => ({ value: v.id, label: v.name }))}
            onChange={(id) => {
              const view = views.find((v) => v.id === id)
              if (view) setSearch(new URLSearchParams(view.filter))
            }}
            optionRender={(option) => (
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                {option.label}
                <DeleteOutlined
                  aria-label={t('projects.views.delete')}
                  onClick={(e) => {
                    e.stopPropagation()
                    deleteView.mutate(String(option.value))
                  }}
                />
              </Space>
            )}
          />
          <Button icon={<SaveOutlined />} onClick={() => setNaming('')}>
            {t('projects.views.save')}
          </Button>
          {canExport && (
            <Button icon={<DownloadOutlined />} href={projectsExportUrl(query)}>
              {t('projects.export')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('projects.search')} placeholder={t('projects.search')} allowClear defaultValue={params.q} onSearch={(q) => update({ q })} style={{ width: 220 }} />
        {districts.length > 0 && (
          <Select
            aria-label={t('projects.region')}
            placeholder={t('projects.region')}
            allowClear
            style={{ width: 140 }}
            value={params.region ?? null}
            options={districts.map((d) => ({ value: d.code, label: d.nameZh }))}
            onChange={(region) => update({ region: region ?? undefined })}
          />
        )}
        <Select
          aria-label={t('projects.filter.stages')}
          placeholder={t('projects.filter.stages')}
          mode="multiple"
          allowClear
          style={{ minWidth: 200 }}
          value={params.stages ? params.stages.split(',') : []}
          options={stages.map((s) => ({ value: s.code, label: stageName(s.code) }))}
          onChange={(list: string[]) => update({ stages: list.join(',') })}
        />
        <Select
          aria-label={t('projects.filter.sizeClass')}
          placeholder={t('projects.filter.sizeClass')}
          allowClear
          style={{ width: 140 }}
          value={params.sizeClassMin ?? null}
          options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t(`projects.sizeClass.${n}` as MessageKey) }))}
          onChange={(v) => update({ sizeClassMin: v ?? undefined })}
        />
        <Select
          aria-label={t('projects.filter.notYet')}
          placeholder={t('projects.filter.notYet')}
          allowClear
          style={{ width: 130 }}
          value={params.notYet ?? null}
          options={notYetKeys.map((k) => ({ value: k, label: t(notYetLabel(k)) }))}
          onChange={(v) => update({ notYet: v ?? undefined })}
        />
        <Checkbox checked={params.stuck === 'true'} onChange={(e) => update({ stuck: e.target.checked ? 'true' : undefined })}>
          {t('projects.filter.stuck')}
        </Checkbox>
        <Checkbox checked={params.openProblems === 'true'} onChange={(e) => update({ openProblems: e.target.checked ? 'true' : undefined })}>
          {t('projects.filter.openProblems')}
        </Checkbox>
      </Space>
      {foreign.length > 0 && (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('projects.filter.active', { text: foreign.map(([k, v]) => `${k}=${v}`).join(' · ') })}</Typography.Text>
          <Button size="small" onClick={() => setSearch(new URLSearchParams())}>
            {t('projects.filter.clear')}
          </Button>
        </Space>
      )}
      <Table<Project>
        rowKey="id"
        size="middle"
        loading={projects.isFetching}
        dataSource={projects.data?.items ?? []}
        columns={columns}
        pagination={{
          current: Number(query.page),
          pageSize: Number(query.pageSize),
          total: projects.data?.total ?? 0,
          showTotal: (total) => t('projects.total.count', { total }),
          onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
        }}
      />
      <Modal
        open={naming !== null}
        title={t('projects.views.save')}
        okText={t('projects.ok')}
        cancelText={t('projects.cancel')}
        okButtonProps={{ disabled: !naming?.trim() }}
        onCancel={() => setNaming(null)}
        onOk={async () => {
          await saveView.mutateAsync({ name: naming!.trim(), filter })
          message.success(t('projects.views.saved'))
          setNaming(null)
        }}
      >
        <Input aria-label={t('projects.views.name')} placeholder={t('projects.views.name')} value={naming ?? ''} onChange={(e) => setNaming(e.target.value)} maxLength={40} />
      </Modal>
    </Card>
  )
}
