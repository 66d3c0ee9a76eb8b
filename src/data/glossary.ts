/**
 * Glossary terms. Guides link a term where it first appears with
 * <Term id="...">; the glossary page lists them all, alphabetically.
 */
export interface GlossaryEntry {
  /** Stable id, also the anchor on the glossary page. */
  id: string;
  /** The term as readers see it. */
  term: string;
  /** One-line definition, shown as a tooltip on linked terms. */
  short: string;
  /** A fuller explanation in plain words. */
  definition: string;
  /** Slug of the guide that covers the term in depth, if any. */
  guide?: string;
}

export const glossary: GlossaryEntry[] = [
  {
    id: 'mentor',
    term: 'Mentor',
    short: 'A more experienced person who supports your growth over time.',
    definition:
      'Someone who offers career guidance and personal support across months or years, and who cares how you develop as a person and a professional, not only how a task turns out.',
  },
  {
    id: 'sponsor',
    term: 'Sponsor',
    short: 'A senior person who uses their standing to put you forward.',
    definition:
      'A well-placed colleague who spends their own reputation on you: nominating you for a role, recommending you for a talk, or naming you when an opportunity comes up. Sponsorship is often occasional rather than ongoing.',
  },
  {
    id: 'coach',
    term: 'Coach',
    short: 'Someone who helps you reach defined goals in a set number of sessions.',
    definition:
      'A trained person who works with you in a structured, time-limited way on goals you choose, mostly by asking questions rather than giving advice. Coaches need not share your specialty.',
  },
  {
    id: 'advisor',
    term: 'Advisor',
    short: 'A person assigned to answer questions about requirements and choices.',
    definition:
      'Often an assigned faculty member who helps with course requirements, schedules and applications. An advisor can become a mentor, but the role is usually narrower and more procedural.',
  },
  {
    id: 'role-model',
    term: 'Role model',
    short: 'Someone whose example you learn from, with or without a relationship.',
    definition:
      'A person whose way of working you watch and learn from. Role modelling can happen from a distance; the role model may never know they are one.',
  },
  {
    id: 'near-peer',
    term: 'Near-peer mentor',
    short: 'A mentor one or a few years ahead of you in training.',
    definition:
      'A student or resident a year or more ahead who shares what worked for them recently: which resources helped, how a rotation runs, how to survive the first weeks.',
  },
  {
    id: 'peer-mentoring',
    term: 'Peer mentoring',
    short: 'Mentoring between people at the same stage.',
    definition:
      'Colleagues at the same level supporting each other, often in small groups: sharing drafts, information and encouragement.',
  },
  {
    id: 'mentoring-network',
    term: 'Mentoring network',
    short: 'Several people who each meet a different need.',
    definition:
      'A set of mentors, sponsors, peers and near-peers around one person, in place of a single mentor expected to do everything. Sometimes called mosaic or developmental network mentoring.',
  },
  {
    id: 'mentoring-agreement',
    term: 'Mentoring agreement',
    short: 'A short written record of what mentor and mentee expect.',
    definition:
      'A page that both people agree on: goals, how often to meet, who schedules, what stays confidential, when to review the arrangement, and how either side can end it without blame.',
  },
  {
    id: 'idp',
    term: 'IDP (individual development plan)',
    short: 'A written plan of your goals and the steps to reach them.',
    definition:
      'A document you write and revisit with a mentor: a self-assessment of skills and interests, the options you are exploring, goals for the coming months, and how you will reach them.',
  },
  {
    id: 'smart-goals',
    term: 'SMART goals',
    short: 'Goals that are specific, measurable, achievable, relevant and time-bound.',
    definition:
      'A way to write goals so that you can tell whether you reached them: say exactly what, how you will know, whether it is realistic, why it matters, and by when.',
  },
  {
    id: 'managing-up',
    term: 'Managing up',
    short: 'The mentee taking charge of their half of the relationship.',
    definition:
      'Setting agendas, scheduling meetings, following up and saying what you need, so that a busy mentor can help without having to chase you.',
  },
  {
    id: 'eras',
    term: 'ERAS',
    short: 'The Electronic Residency Application Service used for US residency applications.',
    definition:
      'The AAMC service through which applicants to most US residency programs send their application, personal statement, letters of recommendation and MSPE.',
  },
  {
    id: 'mspe',
    term: 'MSPE',
    short: 'Medical Student Performance Evaluation, the dean’s letter.',
    definition:
      'A summary of a student’s performance across medical school, written by the school and sent to residency programs as part of the application.',
  },
  {
    id: 'lor',
    term: 'LOR (letter of recommendation)',
    short: 'A letter from a faculty member supporting a residency application.',
    definition:
      'A letter in which a faculty member who has worked with you describes your skills and character. Most programs ask for several; the strongest come from people who saw your work closely.',
  },
  {
    id: 'sub-internship',
    term: 'Sub-internship',
    short: 'A senior rotation where a student works at nearly an intern’s level.',
    definition:
      'A fourth-year clinical rotation, often called a sub-I or acting internship, in which a student carries patients with more responsibility. It is a common source of letters for residency applications.',
  },
  {
    id: 'away-rotation',
    term: 'Away rotation',
    short: 'A clinical rotation at another institution, often to explore a program.',
    definition:
      'A senior elective at a hospital other than your own, used to learn about a program and let its faculty see your work.',
  },
  {
    id: 'match',
    term: 'The Match',
    short: 'The process that places US applicants into residency positions.',
    definition:
      'The National Resident Matching Program pairs applicants and residency programs using the rank lists each side submits.',
  },
  {
    id: 'program-director',
    term: 'Program director (PD)',
    short: 'The faculty member who leads a residency or fellowship program.',
    definition:
      'The person responsible for a training program: its curriculum, its residents’ progress and well-being, and its recruitment. Clerkship and mentoring programs have directors too.',
  },
  {
    id: 'clerkship',
    term: 'Clerkship',
    short: 'A core clinical rotation in medical school.',
    definition:
      'A required block of clinical training in one discipline, such as surgery or paediatrics, usually in the third year of a US medical school.',
  },
  {
    id: 'burnout',
    term: 'Burnout',
    short: 'A response to long-term work stress that has not been managed.',
    definition:
      'The World Health Organization describes burnout as an occupational phenomenon, not a medical condition, marked by exhaustion, mental distance or cynicism about the job, and a reduced sense of doing it well.',
    guide: 'what-is-burnout',
  },
  {
    id: 'emotional-exhaustion',
    term: 'Emotional exhaustion',
    short: 'Feeling drained and used up by work.',
    definition:
      'One of the three dimensions of burnout: a sense of having nothing left to give, which rest on days off no longer fixes.',
    guide: 'what-is-burnout',
  },
  {
    id: 'depersonalization',
    term: 'Depersonalization',
    short: 'Distance or cynicism toward patients and work.',
    definition:
      'The second dimension of burnout: treating patients or colleagues as tasks rather than people, or feeling detached and cynical about the job.',
    guide: 'what-is-burnout',
  },
  {
    id: 'reduced-accomplishment',
    term: 'Reduced personal accomplishment',
    short: 'Feeling that your work makes little difference or that you do it poorly.',
    definition:
      'The third dimension of burnout: a falling sense of competence and achievement, sometimes described as reduced professional efficacy.',
    guide: 'what-is-burnout',
  },
  {
    id: 'moral-injury',
    term: 'Moral injury',
    short: 'Distress from being unable to do what you believe is right for patients.',
    definition:
      'The harm felt when a clinician is repeatedly prevented, by systems or constraints, from acting on their values. It overlaps with burnout but points at causes outside the person.',
  },
  {
    id: 'job-demands-resources',
    term: 'Job demands and resources',
    short: 'A model that weighs what a job asks of you against what it gives you.',
    definition:
      'A way of thinking about burnout in which heavy demands (workload, time pressure, emotional load) wear people down, while resources (control, support, meaning, feedback) protect them.',
    guide: 'what-helps-with-burnout',
  },
];
