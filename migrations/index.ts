import { CreateFoundation1763800000000 } from './1763800000000-create-foundation';
import { CreateNegotiationWorkflow1763900100000 } from './1763900100000-create-negotiation-workflow';
import { CreateCollabDocuments1764000000000 } from './1764000000000-create-collab-documents';
import { CreateTranslations1765600000000 } from './1765600000000-create-translations';

/** Every migration in the order it runs; the app never synchronises its schema. */
export const MIGRATIONS = [CreateFoundation1763800000000, CreateNegotiationWorkflow1763900100000, CreateCollabDocuments1764000000000, CreateTranslations1765600000000];
