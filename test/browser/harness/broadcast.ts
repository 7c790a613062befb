// The test pages of one run are documents of one origin, open at the same time: what one page's
// elements announce over a BroadcastChannel would reach another page's elements, and a test of
// one file would see a success from another. Each test page gets channels of its own, named with
// a tag of its own; a test that plays another tab opens its channel through pageChannelName().
const tag = `test-page-${crypto.randomUUID()}`;

/** The name a channel of this test page really has, for a document that plays another tab. */
export const pageChannelName = (name: string): string => `${tag}:${name}`;

const Native = window.BroadcastChannel;
window.BroadcastChannel = class extends Native {
  constructor(name: string) {
    super(pageChannelName(name));
  }
};
