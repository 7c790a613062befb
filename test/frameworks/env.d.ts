// Single-file components, compiled by scripts/test/bundle-frameworks.mjs for the tests.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ publishableKey: string; accountId: string }>;
  export default component;
}
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<{ publishableKey: string; accountId: string }>;
  export default component;
}
