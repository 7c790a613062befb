// What toNodeHandler learned about a body before it built the Fetch Request: a framework's
// parser may have consumed it already. Kept beside the Request, not in it, so that the handlers
// can answer a developer error instead of reading an empty or re-serialized body as the real one.

/**
 * - `consumed`: the stream was drained by something else and no copy of the bytes was kept.
 * - `reserialized`: only a parsed object was left (`express.json()`), so the body is that object
 *   as JSON again: the same data, but not the bytes that were sent.
 */
export type BodyMark = 'consumed' | 'reserialized';

const marks = new WeakMap<Request, BodyMark>();

/** Records what happened to `request`'s body before it was built. */
export function markBody(request: Request, mark: BodyMark): void {
  marks.set(request, mark);
}

/** What happened to `request`'s body before it was built, if anything. */
export function bodyMark(request: Request): BodyMark | undefined {
  return marks.get(request);
}
