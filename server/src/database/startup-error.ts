/** A start that cannot go on, with one sentence that tells the operator what to do; printed without a stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
