/** A member's role (cashier, manager, owner), with what the chosen role may do under it. */
import { roleLabels } from '../../app/format';
import { type Role, roles } from '../../../../shared/api/permissions';
import { SegmentedField } from '../../ui';
import { roleDescriptions } from './staffForm';

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

export function RolePicker({ role, onRole }: { role: Role; onRole: (role: Role) => void }) {
  return (
    <SegmentedField
      className="role-picker"
      label="Role"
      options={roleOptions}
      value={role}
      onValueChange={onRole}
      hint={roleDescriptions[role]}
    />
  );
}
