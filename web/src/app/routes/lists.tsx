import { ListsPage } from '../../features/lists/components/lists-page.js'

export default function Route() {
  return <ListsPage />
}
