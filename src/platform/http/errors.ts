/** A field-level problem with input, named so pages can link to the field and APIs can list it. */
export type FieldError = { field: string; message: string };

/** An error with an HTTP status that the error handler turns into a page or problem+json. */
export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly errors: FieldError[];
  constructor(status: number, title: string, detail?: string, errors: FieldError[] = []) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }
}

export const notFound = (what = 'Page') => new HttpError(404, `${what} not found`);
export const forbidden = () => new HttpError(403, 'You do not have permission to do this');
export const unauthenticated = () => new HttpError(401, 'Sign in to continue');
export const invalid = (errors: FieldError[], detail = 'Some of what was sent is not valid') =>
  new HttpError(422, 'Invalid input', detail, errors);
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new HttpError(409, 'Conflict', detail, errors);

/** RFC 9457 problem details, with our `errors` extension for field errors. */
export function problemBody(status: number, title: string, detail: string | undefined, errors: FieldError[]) {
  return {
    type: 'about:blank',
    title,
    status,
    ...(detail && detail !== title ? { detail } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}
