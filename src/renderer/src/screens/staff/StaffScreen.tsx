/**
 * Staff (owners): the team (/staff) and the activity log (/staff/activity), as two tabs whose
 * address follows the tab, so Back and a bookmark land on the same one.
 */
import { navigate, useRoute } from '../../app/router';
import { PageHeader, tabPanelProps, Tabs } from '../../ui';
import { ActivityPanel } from './ActivityPanel';
import { TeamPanel } from './TeamPanel';
import './staff.css';

type StaffTab = 'team' | 'activity';

const tabs = [
  { value: 'team' as const, label: 'Team' },
  { value: 'activity' as const, label: 'Activity log' },
];

export function StaffScreen() {
  const route = useRoute();
  const tab: StaffTab = route.rest[0] === 'activity' ? 'activity' : 'team';
  return (
    <div className="screen">
      <PageHeader
        title="Staff"
        description="Who can use this till, their roles and PINs, and what they did."
      />
      <Tabs
        label="Staff sections"
        idPrefix="staff"
        tabs={tabs}
        value={tab}
        onValueChange={(next) => navigate({ section: 'staff', rest: next === 'team' ? [] : [next] })}
      />
      <div {...tabPanelProps('staff', tab)}>{tab === 'team' ? <TeamPanel /> : <ActivityPanel />}</div>
    </div>
  );
}
