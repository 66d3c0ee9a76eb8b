/**
 * The fixed list of topics. Guides name one of these ids in `topic`; hubs,
 * navigation and search filters are built from this list and nowhere else.
 */
export const topics = [
  {
    id: 'finding-a-mentor',
    title: 'Finding a mentor',
    description: 'Why mentors matter, the different roles people can play, and how to find and ask the right people.',
    intro:
      'Most trainees who feel well supported have several people in their corner, not one. Start by naming what you need help with, then look for people who can meet each need, and ask for a single conversation rather than a lifelong commitment.',
    order: 1,
  },
  {
    id: 'the-relationship',
    title: 'The mentoring relationship',
    description: 'Expectations, goals, trust and boundaries, and how to change or end a relationship well.',
    intro:
      'A mentoring relationship works when both people know what it is for. These guides help you agree on goals and boundaries early, do your half of the work, and recognize when a relationship has run its course.',
    order: 2,
  },
  {
    id: 'meetings',
    title: 'Mentoring meetings',
    description: 'Prepare for and run meetings that move you forward, in person or online.',
    intro:
      'Good meetings rarely happen by accident. Read these in order: prepare for the first meeting, settle into a rhythm that suits you both, keep momentum between meetings, and use the printable templates to leave every meeting with clear next steps.',
    order: 3,
  },
  {
    id: 'feedback',
    title: 'Feedback',
    description: 'Ask for, receive and give feedback that helps you improve.',
    intro:
      'Feedback is how you improve on a rotation and how a mentor learns what helps you. This topic covers asking for it at the right moment, hearing it without getting defensive, and giving it in a way others can use.',
    order: 4,
  },
  {
    id: 'career-and-residency',
    title: 'Career and residency',
    description:
      'Mentorship through medical school, choosing a specialty, applications, the intern year and early career.',
    intro:
      'What you need from mentors changes at every stage of training. These guides follow that path in order, from the first year of medical school through specialty choice, applications and the intern year to the first years in practice.',
    order: 5,
  },
  {
    id: 'research',
    title: 'Research',
    description: 'Find a research mentor and make a project work for both of you.',
    intro:
      'A research project can build your skills and your CV, or quietly eat a year. This topic helps you choose a research mentor and a project carefully and agree early on time, roles and authorship.',
    order: 6,
  },
  {
    id: 'burnout-and-wellbeing',
    title: 'Burnout and well-being',
    description: 'Recognise burnout in yourself and others, what helps, and where to get confidential help.',
    intro:
      'Burnout is common in medicine, and it is mostly a problem of work, not of weak people. Start with what burnout is and how to recognize it, then read about what helps, how to ask for changes, and where to get confidential support for yourself or a colleague.',
    order: 7,
  },
  {
    id: 'becoming-a-mentor',
    title: 'Becoming a mentor',
    description: 'What good mentors do, near-peer mentoring, mentoring across difference, and training.',
    intro:
      'You can mentor someone long before you feel senior. These guides cover what effective mentors actually do, mentoring as a near-peer, working across differences in background, and the training that makes mentors better.',
    order: 8,
  },
] as const satisfies readonly Topic[];

export interface Topic {
  /** Stable id used in frontmatter and URLs. */
  id: string;
  /** Heading shown on hubs and in navigation. */
  title: string;
  /** One or two sentences shown on the hub and in cards. */
  description: string;
  /** A few sentences on the hub that tell a first-time reader where to start. */
  intro: string;
  /** Position in lists, lowest first. */
  order: number;
}

export type TopicId = (typeof topics)[number]['id'];
export const topicIds = topics.map((topic) => topic.id) as [TopicId, ...TopicId[]];

export function getTopic(id: TopicId): Topic {
  const topic = topics.find((candidate) => candidate.id === id);
  if (!topic) throw new Error(`Unknown topic "${id}". Allowed: ${topicIds.join(', ')}`);
  return topic;
}
