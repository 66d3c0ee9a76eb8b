/**
 * Who a guide is written for. Guides list one or more ids in `audiences`;
 * audience pages and search filters come from this list.
 */
export const audiences = [
  {
    id: 'student',
    title: 'Medical students',
    singular: 'Medical student',
    description: 'From your first week of medical school to the match.',
  },
  {
    id: 'intern',
    title: 'Interns',
    singular: 'Intern',
    description: 'The first year of residency, when everything is new at once.',
  },
  {
    id: 'resident',
    title: 'Residents',
    singular: 'Resident',
    description: 'Senior residents and fellows building a career and teaching others.',
  },
  {
    id: 'early-career',
    title: 'Early-career doctors',
    singular: 'Early-career doctor',
    description: 'The first years after training: contracts, leadership and direction.',
  },
  {
    id: 'mentor',
    title: 'Mentors',
    singular: 'Mentor',
    description: 'Anyone guiding someone else, from near-peer to senior faculty.',
  },
  {
    id: 'program-director',
    title: 'Program directors',
    singular: 'Program director',
    description: 'People who run residency, clerkship or mentoring programs.',
  },
] as const satisfies readonly Audience[];

export interface Audience {
  /** Stable id used in frontmatter and URLs. */
  id: string;
  /** Plural heading for the audience page. */
  title: string;
  /** Label for one person, shown as a tag on guides. */
  singular: string;
  /** One sentence on the audience page. */
  description: string;
}

export type AudienceId = (typeof audiences)[number]['id'];
export const audienceIds = audiences.map((audience) => audience.id) as [AudienceId, ...AudienceId[]];

export function getAudience(id: AudienceId): Audience {
  const audience = audiences.find((candidate) => candidate.id === id);
  if (!audience) throw new Error(`Unknown audience "${id}". Allowed: ${audienceIds.join(', ')}`);
  return audience;
}
