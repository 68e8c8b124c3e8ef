// Importing this module defines the <fahras-search> custom element.
export { load } from './index.js';
export type * from './index.js';

declare global {
  interface HTMLElementTagNameMap {
    'fahras-search': HTMLElement;
  }
}
