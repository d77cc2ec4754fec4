import { RegistryPage } from '../../features/registry/components/registry-page.js'

export default function Route() {
  return <RegistryPage />
}
