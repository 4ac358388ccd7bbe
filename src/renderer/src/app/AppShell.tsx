import { ApprovalDialog } from '../components/approvals/ApprovalDialog'
import { Header } from '../components/Header'
import { NavRail } from '../components/NavRail'
import { StatusBar } from '../components/StatusBar'
import { useRoute } from '../navigation/use-route'
import { PageView } from './PageView'

/** Header on top, navigation on the left, the status bar always visible at the bottom; second approvals over everything. */
export function AppShell(): React.JSX.Element {
  const route = useRoute()
  return (
    <div className="app-shell">
      <Header />
      <NavRail current={route} />
      <main className="app-main" id="main">
        <PageView route={route} />
      </main>
      <StatusBar />
      <ApprovalDialog />
    </div>
  )
}
