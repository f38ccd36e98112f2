/** A 400 answer that names the parameter at fault. */
export function badRequest(parameter: string, message: string): Response {
  return Response.json({ error: { parameter, message } }, { status: 400 });
}

export function notFound(message: string): Response {
  return Response.json({ error: { message } }, { status: 404 });
}

/** Thrown by parameter readers; routes turn it into a 400. */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = "ParameterError";
  }
}

/** Every value given for a parameter, whether repeated (`kind=a&kind=b`) or comma-separated. */
export function listParam(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

export function enumListParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const values = listParam(params, name);
  const unknown = values.filter((value) => !allowed.includes(value as T));
  if (unknown.length > 0) throw new ParameterError(name, `unknown value ${JSON.stringify(unknown[0])}; expected one of ${allowed.join(", ")}`);
  return values as T[];
}

export function enumParam<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const values = enumListParam(params, name, allowed);
  if (values.length > 1) throw new ParameterError(name, "give one value");
  return values[0];
}

export function numberParam(params: URLSearchParams, name: string, bounds: { min?: number; max?: number; integer?: boolean } = {}): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ParameterError(name, "must be a number");
  if (bounds.integer && !Number.isInteger(value)) throw new ParameterError(name, "must be a whole number");
  if (bounds.min !== undefined && value < bounds.min) throw new ParameterError(name, `must be at least ${bounds.min}`);
  if (bounds.max !== undefined && value > bounds.max) throw new ParameterError(name, `must be at most ${bounds.max}`);
  return value;
}

/** Runs an API handler, answering 400 for a bad parameter. */
export async function withParameters(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ParameterError) return badRequest(error.parameter, error.message);
    throw error;
  }
}
