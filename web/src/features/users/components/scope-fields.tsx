import { Form, Input, Select, Typography, type FormInstance } from 'antd'
import type { z } from 'zod'
import type { tenantReferenceSchema } from '../../../../../common/src/api/reference.js'
import type { Role, ScopeType } from '../../../../../common/src/roles.js'
import { scopeSchema } from '../../../../../common/src/api/auth.js'
import { zodRule } from '../../../lib/form.js'
import { useI18n, type MessageKey } from '../../../lib/i18n.js'
import { scopeNeedsId, scopeOptions, scopeTypesFor } from '../user-form.js'

type TenantReference = z.infer<typeof tenantReferenceSchema>

export const scopeTypeLabelKeys: Record<ScopeType, MessageKey> = {
  city: 'scopeType.city',
  district: 'scopeType.district',
  platform: 'scopeType.platform',
  department: 'scopeType.department',
  enterprise: 'scopeType.enterprise',
}

const scopeIdLabelKeys: Record<Exclude<ScopeType, 'city'>, MessageKey> = {
  district: 'users.scope.district',
  platform: 'users.scope.platform',
  department: 'users.scope.department',
  enterprise: 'users.scope.enterprise',
}

/**
 * The scope part of a user form, driven by the role: the city is implied, a district, platform or
 * department is chosen from the tenant's reference data, an enterprise is typed in by id for now.
 * The parent form resets `scope` when the role changes (scopeForRole).
 */
export function ScopeFields({ form, reference }: { form: FormInstance; reference: TenantReference | undefined }) {
  const { t, lang } = useI18n()
  const role = Form.useWatch<Role | undefined>('role', form)
  const scopeType = Form.useWatch<ScopeType | undefined>(['scope', 'type'], form)
  const types = role ? scopeTypesFor(role) : []

  return (
    <>
      <Form.Item
        name={['scope', 'type']}
        label={t('users.scopeType')}
        hidden={types.length <= 1}
        required
        rules={[zodRule(scopeSchema.shape.type, t)]}
      >
        <Select options={types.map((type) => ({ value: type, label: t(scopeTypeLabelKeys[type]) }))} />
      </Form.Item>

      {scopeType === 'city' && (
        <>
          <Form.Item name={['scope', 'id']} hidden>
            <Input />
          </Form.Item>
          <Form.Item label={t('users.scope')}>
            <Typography.Text>{reference?.tenant.nameZh ?? ''}</Typography.Text>
          </Form.Item>
        </>
      )}

      {scopeType && scopeNeedsId(scopeType) && scopeType !== 'enterprise' && (
        <Form.Item
          name={['scope', 'id']}
          label={t(scopeIdLabelKeys[scopeType])}
          required
          rules={[zodRule(scopeSchema.shape.id, t)]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.select')}
            options={scopeOptions(scopeType, reference, lang)}
          />
        </Form.Item>
      )}

      {scopeType === 'enterprise' && (
        <Form.Item
          name={['scope', 'id']}
          label={t(scopeIdLabelKeys.enterprise)}
          required
          rules={[zodRule(scopeSchema.shape.id, t)]}
          extra={t('users.scope.enterpriseHint')}
        >
          <Input autoComplete="off" />
        </Form.Item>
      )}
    </>
  )
}
