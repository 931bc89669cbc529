import { CreateFoundation1763800000000 } from './1763800000000-create-foundation';
import { CreateNegotiationWorkflow1763900100000 } from './1763900100000-create-negotiation-workflow';
import { CreateCollabDocuments1764000000000 } from './1764000000000-create-collab-documents';
import { AddCollabProjectedSeq1765100000000 } from './1765100000000-add-collab-projected-seq';
import { CreateAuthSession1765200000000 } from './1765200000000-create-auth-session';
import { AddCommitteePageSize1765500000000 } from './1765500000000-add-committee-page-size';
import { CreateTranslations1765600000000 } from './1765600000000-create-translations';
import { AddSponsorshipRequests1765800000000 } from './1765800000000-add-sponsorship-requests';
import { CreateCollabWriters1765900000000 } from './1765900000000-create-collab-writers';

/** Every migration in the order it runs; the app never synchronises its schema. */
export const MIGRATIONS = [
  CreateFoundation1763800000000,
  CreateNegotiationWorkflow1763900100000,
  CreateCollabDocuments1764000000000,
  AddCollabProjectedSeq1765100000000,
  CreateAuthSession1765200000000,
  AddCommitteePageSize1765500000000,
  CreateTranslations1765600000000,
  AddSponsorshipRequests1765800000000,
  CreateCollabWriters1765900000000,
];
