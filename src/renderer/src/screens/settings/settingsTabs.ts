/** Which Settings tabs a role sees, and which one an address opens, pure. */
export type SettingsTab = 'store' | 'taxes' | 'payments' | 'till' | 'sync';

export const settingsTabLabels: Record<SettingsTab, string> = {
  store: 'Store',
  taxes: 'Taxes',
  payments: 'Payments',
  till: 'This till',
  sync: 'Sync',
};

/** The tabs in order: Store and Payments need settings.edit, Taxes catalog.edit, This till is for everyone. */
export function settingsTabs(can: { settingsEdit: boolean; catalogEdit: boolean }): SettingsTab[] {
  return [
    ...(can.settingsEdit ? (['store'] as const) : []),
    ...(can.catalogEdit ? (['taxes'] as const) : []),
    ...(can.settingsEdit ? (['payments'] as const) : []),
    'till' as const,
    // The sync's queue and errors: for managers and owners (a cashier sees its state in the top bar).
    ...(can.settingsEdit || can.catalogEdit ? (['sync'] as const) : []),
  ];
}

/** The tab `/settings/<asked>` opens: the one asked for when it is visible, else the first. */
export function settingsTabFor(asked: string | undefined, visible: readonly SettingsTab[]): SettingsTab {
  return visible.find((tab) => tab === asked) ?? visible[0] ?? 'till';
}
