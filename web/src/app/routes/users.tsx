import { UsersPage } from '../../features/users/components/users-page.js'

export default function UsersRoute() {
  return <UsersPage />
}
