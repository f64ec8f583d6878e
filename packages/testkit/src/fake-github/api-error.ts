/** One entry of a GitHub 422 body's `errors` array. */
export interface GitHubErrorDetail {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
  [key: string]: unknown;
}

/**
 * An error response exactly as GitHub shapes it. State code throws it for the same conditions GitHub rejects
 * (duplicate refs, non-fast-forward updates, over-long comments...) and the server turns it into the response.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: GitHubErrorDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(documentationUrl: string): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: documentationUrl,
      status: String(this.status),
    };
  }
}

export const notFound = (): ApiError => new ApiError(404, 'Not Found');

export const validationFailed = (...errors: GitHubErrorDetail[]): ApiError =>
  new ApiError(422, 'Validation Failed', errors);
