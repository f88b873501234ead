import type { ComponentType } from 'react';

/** What a module's own panel on a 360-degree view is given. */
export interface OverviewPanelProps {
  recordType: 'account' | 'contact';
  recordId: string;
  /** The overview's count of related records the caller may see. */
  total: number;
}

const panels = new Map<string, ComponentType<OverviewPanelProps>>();

/**
 * A module shows one of its overview panels its own way (with actions: new deal, new order…) by
 * registering a component for the panel's key; the account and contact pages then need no edit.
 * Registration runs when the module's file is imported (web/app/overviewPanels.ts imports them all).
 */
export function registerOverviewPanel(key: string, component: ComponentType<OverviewPanelProps>): void {
  panels.set(key, component);
}

export function overviewPanelFor(key: string): ComponentType<OverviewPanelProps> | undefined {
  return panels.get(key);
}
