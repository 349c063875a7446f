/** The admin's pages; their labels and descriptions are in the `common` translation file under `nav.<key>`. */
export interface NavItem {
  path: string;
  key: 'home' | 'recommendations' | 'followups' | 'privacy' | 'analytics';
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', key: 'home' },
  { path: '/recommendations', key: 'recommendations' },
  { path: '/follow-ups', key: 'followups' },
  { path: '/privacy', key: 'privacy' },
  { path: '/analytics', key: 'analytics' },
];
