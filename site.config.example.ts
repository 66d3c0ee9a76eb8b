import { parseSiteConfig } from './src/schemas/site-config.ts';

/**
 * A worked example for an institution deploying its own copy (a fictional
 * school). To use it, copy the object below into site.config.ts and change the
 * values; `npm run build` then checks every field and names any that is wrong.
 * The tests build the site with this file (MFG_SITE_CONFIG=example) to prove
 * that it works and that its local contacts appear where readers need them.
 */
export default parseSiteConfig(
  {
    // Shown in the header, page titles and the installed app.
    name: 'Northfield Mentoring Guide',
    shortName: 'Mentoring',
    tagline: 'Mentoring and well-being guides for Northfield students, residents and faculty.',
    // Where the site is published: the origin, and the sub-path it is served under.
    site: 'https://intranet.northfield.example.edu',
    base: '/mentoring/',
    lang: 'en',
    // Must keep 4.5:1 contrast with white text and on a white page.
    accentColor: '#6d28d9',
    institution: { name: 'Northfield University School of Medicine', url: 'https://www.northfield.example.edu/' },
    // Shown in "Get help now" on every burnout and well-being page, in the footer and on printed handouts.
    localResources: [
      {
        kind: 'wellness',
        name: 'Student and Resident Wellness Office',
        description: 'Free, confidential counselling and well-being appointments, usually within a week.',
        phone: '+1 555 0100',
        email: 'wellness@northfield.example.edu',
        url: 'https://www.northfield.example.edu/wellness',
      },
      {
        kind: 'ombudsperson',
        name: 'Office of the Ombudsperson',
        description:
          'Confidential, independent advice on mistreatment, conflicts or a difficult mentoring relationship.',
        phone: '+1 555 0101',
        email: 'ombuds@northfield.example.edu',
      },
      {
        kind: 'mentoring-program',
        name: 'Mentoring Program Office',
        description: 'Matches students and residents with faculty mentors and can arrange a change of mentor.',
        email: 'mentoring@northfield.example.edu',
        url: 'https://www.northfield.example.edu/mentoring',
      },
      {
        kind: 'employee-assistance',
        name: 'Employee Assistance Program (residents and faculty)',
        description: 'Confidential counselling and practical support, 24 hours a day, at no cost.',
        phone: '+1 555 0199',
      },
    ],
  },
  'site.config.example.ts',
);
