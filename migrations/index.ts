import { CreateFoundation1763800000000 } from './1763800000000-create-foundation';

/** Every migration in the order it runs; the app never synchronises its schema. */
export const MIGRATIONS = [CreateFoundation1763800000000];
