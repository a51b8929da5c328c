/**
 * Whether the logged-in staff member's role has a permission, for screens that show or hide an
 * action by it (the core checks again on every call).
 */
import { type Permission, roleAllows } from '../../../shared/api/permissions';
import { useAppState } from './instance';

export function useCan(permission: Permission): boolean {
  return useAppState((state) => {
    const role = state.staffSession?.staff.role;
    return role !== undefined && roleAllows(role, permission);
  });
}
