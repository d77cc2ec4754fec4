import { Alert, App, Button, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { Fit, ReportDecision } from '../../../../../common/src/api/registry.js'
import { formatDateTime, formatNumber } from '../../../lib/format.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { useDecide, useReview } from '../api/registry-api.js'
import { useRegistryContext } from '../api/session.js'

/** The city's review of one report: conflicts, the duty to report, layout-guide fit, and the decision. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, lang, errorText } = useI18n()
  const { message } = App.useApp()
  const ctx = useRegistryContext()
  const review = useReview(id)
  const decide = useDecide()
  const [reason, setReason] = useState('')
  const [redirectTo, setRedirectTo] = useState<string | null>(null)
  const data = review.data
  const report = data?.report
  const pending = report?.status === 'pending'

  const send = (decision: ReportDecision) =>
    decide.mutate(
      { id: report!.id, decision },
      {
        onSuccess: () => {
          message.success(t('registry.decided'))
          setReason('')
          onClose()
        },
        onError: (error) => message.error(errorText(error)),
      },
    )

  return (
    <Drawer open={id !== null} size={820} title={report ? t('registry.reviewTitle', { name: report.enterpriseName }) : t('registry.review')} onClose={onClose} destroyOnHidden>
      {review.isError && <Alert type="error" showIcon title={errorText(review.error)} />}
      {data && report && (
        <>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('registry.region')}>{report.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('registry.status')}>{t(`registry.report.${report.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.lead')}>{report.leadTitle}</Descriptions.Item>
            <Descriptions.Item label={t('registry.chain')}>{report.chainName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('registry.investment')}>{report.plannedInvestment === null ? '' : formatNumber(report.plannedInvestment, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('registry.reportedAt')}>
              {formatDateTime(report.reportedAt)} · {report.reportedBy}
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.intent')} span={2}>
              {report.intent}
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.wishes')} span={2}>
              {report.investorWishes}
            </Descriptions.Item>
            <Descriptions.Item label={t('registry.mustReport')} span={2}>
              {data.mustReport.required ? data.mustReport.reasons.map((r) => <Tag key={r} color="volcano">{t(`registry.mustReport.${r}` as MessageKey)}</Tag>) : t('registry.mustReport.none')}
            </Descriptions.Item>
            {report.decisionReason && (
              <Descriptions.Item label={t('registry.reason')} span={2}>
                {report.decisionReason}
              </Descriptions.Item>
            )}
          </Descriptions>

          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('registry.conflicts')}
          </Typography.Title>
          {data.conflicts.length === 0 ? (
            <Alert type="success" showIcon title={t('registry.noConflicts')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {data.conflicts.map((c, i) => (
                <Alert
                  key={i}
                  type={c.kind === 'right' ? 'error' : 'warning'}
                  showIcon
                  title={c.kind === 'right' ? t('registry.conflictRight', { region: c.regionName, date: (c.expiresAt ?? '').slice(0, 10) }) : t('registry.conflictReport', { region: c.regionName })}
                  description={`${t(`registry.conflictReason.${c.reason}`)}${c.enterpriseName ? ` · ${c.enterpriseName}` : ''}${c.similarity !== null && c.reason === 'similar_trade_name' ? ` · ${c.similarity}` : ''}`}
                />
              ))}
            </Space>
          )}

          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('registry.fits')}
          </Typography.Title>
          <Table<Fit>
            rowKey="regionCode"
            size="small"
            pagination={{ pageSize: 6 }}
            dataSource={data.fits}
            columns={[
              {
                title: t('registry.region'),
                key: 'region',
                render: (_, f) => (
                  <Space size={4} wrap>
                    {f.regionName}
                    {f.regionCode === report.regionCode && <Tag color="blue">{t('registry.fit.reporting')}</Tag>}
                    {f.preferred && <Tag color="green">{t('registry.fit.preferred')}</Tag>}
                    {f.wished && <Tag color="purple">{t('registry.fit.wished')}</Tag>}
                  </Space>
                ),
              },
              { title: t('registry.fit.role'), key: 'role', render: (_, f) => t(`registry.fit.${f.guideRole}`) },
              { title: t('registry.fit.platforms'), key: 'platforms', render: (_, f) => f.platforms.map((p) => p.name).join(' · ') },
            ]}
          />

          {ctx.isCity && pending && (
            <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
              <Input.TextArea rows={2} value={reason} maxLength={1000} placeholder={t('registry.reason')} aria-label={t('registry.reason')} onChange={(e) => setReason(e.target.value)} />
              <Space wrap>
                <Button type="primary" loading={decide.isPending} onClick={() => send({ decision: 'grant', version: report.version, ...(reason.trim() ? { note: reason.trim() } : {}) })}>
                  {t('registry.grant')}
                </Button>
                <Button danger disabled={reason.trim().length < 2} loading={decide.isPending} onClick={() => send({ decision: 'reject', version: report.version, reason: reason.trim() })}>
                  {t('registry.reject')}
                </Button>
                <Select
                  aria-label={t('registry.redirectTo')}
                  placeholder={t('registry.redirectTo')}
                  style={{ width: 160 }}
                  value={redirectTo}
                  onChange={setRedirectTo}
                  options={ctx.districtOptions.filter((d) => d.value !== report.regionCode)}
                />
                <Button
                  disabled={!redirectTo || reason.trim().length < 2}
                  loading={decide.isPending}
                  onClick={() => send({ decision: 'redirect', version: report.version, region: redirectTo!, reason: reason.trim() })}
                >
                  {t('registry.redirect')}
                </Button>
              </Space>
            </Space>
          )}
        </>
      )}
    </Drawer>
  )
}
