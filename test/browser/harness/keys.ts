// Holding a key down and letting it go, as a user does, in every engine (see scripts/test/wtr-keys.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

/** Presses `key` (a KeyboardEvent.key value: 'Enter', ' '); pressing it again while down repeats it. */
export async function keyDown(key: string): Promise<void> {
  await executeServerCommand('key', { down: key });
}

/** Releases `key`. */
export async function keyUp(key: string): Promise<void> {
  await executeServerCommand('key', { up: key });
}
