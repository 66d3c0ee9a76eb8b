/**
 * Crisis and help resources: the one source of truth for every "Get help now"
 * block. Each entry was checked against the cited page on the date below.
 * Re-check them all before changing `verifiedOn`.
 */
export const helpResourcesVerifiedOn = '2026-11-01';

export interface HelpResource {
  /** Stable id, used in tests. */
  id: string;
  /** Service name as readers will recognise it. */
  name: string;
  /** How to reach it, as a reader would dial, text or visit. */
  contact: string;
  /** A tel:, sms: or https: link that starts the contact. */
  href: string;
  /** Hours, cost, who answers and what it is not. */
  details: string;
  /** Where the facts were checked. */
  verifiedAt: string;
  /** True for services meant for an emergency or a crisis right now. */
  crisis: boolean;
}

export const helpResources: HelpResource[] = [
  {
    id: 'emergency',
    name: 'Emergency services (US)',
    contact: 'Call 911',
    href: 'tel:911',
    details: 'If you or someone else is in immediate danger.',
    verifiedAt: 'https://www.911.gov/',
    crisis: true,
  },
  {
    id: '988',
    name: '988 Suicide & Crisis Lifeline',
    contact: 'Call or text 988, or chat at 988lifeline.org',
    href: 'tel:988',
    details: 'Free and confidential, 24 hours a day, in English and Spanish. Veterans can press 1 after calling.',
    verifiedAt: 'https://www.samhsa.gov/mental-health/988/faqs',
    crisis: true,
  },
  {
    id: 'crisis-text-line',
    name: 'Crisis Text Line',
    contact: 'Text HOME to 741741',
    href: 'sms:741741?&body=HOME',
    details:
      'Free, 24 hours a day, answered by trained volunteer crisis counselors (not licensed professionals). Any first word connects you.',
    verifiedAt: 'https://www.crisistextline.org/',
    crisis: true,
  },
  {
    id: 'physician-support-line',
    name: 'Physician Support Line',
    contact: 'Call 1-888-409-0141',
    href: 'tel:+18884090141',
    details:
      'Free and confidential peer support from volunteer psychiatrists for medical students, residents and physicians, 8am to 1am US Eastern time, every day. It is not a crisis line.',
    verifiedAt: 'https://www.physiciansupportline.com/faq',
    crisis: false,
  },
];

/** For readers outside the US: no numbers were verified for other countries. */
export const outsideUsAdvice =
  'Outside the US, call your local emergency number, or search for your country’s crisis line. We have only verified US services.';
