import { ImportPage } from '../../features/import/components/import-page.js'

export default function Route() {
  return <ImportPage />
}
