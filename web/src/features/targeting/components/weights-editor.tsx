import { Alert, App, Button, Col, Drawer, InputNumber, Row, Slider, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { targetingFactorKeys, type FactorRecord, type WeightsSet } from '../../../../../common/src/api/targeting.js'
import { formatDateTime } from '../../../lib/format.js'
import { useI18n } from '../../../lib/i18n.js'
import { usePutWeights } from '../api/put-weights.js'
import { useResetWeights } from '../api/reset-weights.js'
import { factorColors } from '../targeting-charts.js'

/** The city admin's editor of one chain's weights: a slider per factor, the intercept, reset to defaults. */
export function WeightsEditor({ open, onClose, chain, chainName, weights }: { open: boolean; onClose: () => void; chain: string; chainName: string; weights: WeightsSet }) {
  const { t, errorText } = useI18n()
  const { message } = App.useApp()
  const [draft, setDraft] = useState<FactorRecord>(weights.weights)
  const [intercept, setIntercept] = useState(weights.intercept)
  const put = usePutWeights(chain)
  const reset = useResetWeights(chain)
  useEffect(() => {
    if (open) {
      setDraft(weights.weights)
      setIntercept(weights.intercept)
    }
  }, [open, weights])

  const save = async () => {
    try {
      await put.mutateAsync({ weights: draft, intercept, version: weights.version })
      message.success(t('targeting.weights.saved'))
      onClose()
    } catch (error) {
      message.error(errorText(error))
    }
  }
  const restore = async () => {
    try {
      await reset.mutateAsync()
      message.success(t('targeting.weights.resetDone'))
      onClose()
    } catch (error) {
      message.error(errorText(error))
    }
  }
  const error = put.error ?? reset.error

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('targeting.weights.title', { chain: chainName })}
      extra={
        <Space>
          <Button onClick={restore} loading={reset.isPending} disabled={weights.isDefault}>
            {t('targeting.weights.reset')}
          </Button>
          <Button type="primary" onClick={save} loading={put.isPending}>
            {t('targeting.weights.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('targeting.weights.hint')}</Typography.Paragraph>
      {!weights.isDefault && weights.updatedBy && weights.updatedAt && (
        <Typography.Paragraph type="secondary">{t('targeting.weights.updatedBy', { user: weights.updatedBy, at: formatDateTime(weights.updatedAt) })}</Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      {targetingFactorKeys.map((key) => (
        <Row key={key} gutter={12} align="middle" style={{ marginBottom: 4 }}>
          <Col span={7}>
            <Space size={6}>
              <span style={{ display: 'inline-block', width: 10, height: 10, background: factorColors[key], borderRadius: 2 }} />
              <Typography.Text>{t(`targeting.factor.${key}`)}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('targeting.weights.defaultValue', { value: weights.defaults.weights[key] })}
              </Typography.Text>
            </div>
          </Col>
          <Col span={12}>
            <Slider min={-10} max={10} step={0.1} value={draft[key]} onChange={(v) => setDraft({ ...draft, [key]: v })} aria-label={t(`targeting.factor.${key}`)} />
          </Col>
          <Col span={5}>
            <InputNumber
              min={-10}
              max={10}
              step={0.1}
              value={draft[key]}
              onChange={(v) => setDraft({ ...draft, [key]: typeof v === 'number' ? v : 0 })}
              style={{ width: '100%' }}
              aria-label={t(`targeting.factor.${key}`)}
            />
          </Col>
        </Row>
      ))}
      <Row gutter={12} align="middle">
        <Col span={7}>
          <Typography.Text>{t('targeting.weights.intercept')}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('targeting.weights.defaultValue', { value: weights.defaults.intercept })}
            </Typography.Text>
          </div>
        </Col>
        <Col span={12}>
          <Slider min={-20} max={20} step={0.1} value={intercept} onChange={setIntercept} aria-label={t('targeting.weights.intercept')} />
        </Col>
        <Col span={5}>
          <InputNumber min={-20} max={20} step={0.1} value={intercept} onChange={(v) => setIntercept(typeof v === 'number' ? v : 0)} style={{ width: '100%' }} aria-label={t('targeting.weights.intercept')} />
        </Col>
      </Row>
    </Drawer>
  )
}
