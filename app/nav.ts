export interface NavItem {
  path: string;
  label: string;
  /** What the page will hold, said plainly until it does. */
  description: string;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'Home', description: 'Installation status and your store at a glance.' },
  {
    path: '/recommendations',
    label: 'Recommendations',
    description:
      'Which complements and guides Tacto shows on your storefront, the rules that keep them tactful (never the item a shopper already owns, never a sensitive topic inferred from behaviour), and why a given shopper saw a given pick.',
  },
  {
    path: '/follow-ups',
    label: 'Follow-ups',
    description:
      'One helpful email after a purchase, from a named person at your store with a verified reply-to address: sender personas, timing, frequency caps and the template editor with its copy checker.',
  },
  {
    path: '/privacy',
    label: 'Privacy',
    description:
      'Exactly which data Tacto keeps and for how long, and the notice shoppers see on your storefront.',
  },
  {
    path: '/analytics',
    label: 'Analytics',
    description: 'How blocks and follow-ups help your store, measured from your own orders — without tracking shoppers across sites.',
  },
];
