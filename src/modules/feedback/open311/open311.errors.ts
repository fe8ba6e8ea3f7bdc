/** An Open311 error: HTTP status + the spec's body (errors[] {code, description}). */
export class Open311Error extends Error {
  constructor(
    public status: 400 | 403 | 404,
    public description: string,
  ) {
    super(description);
  }
}
