/** A nested object of translation phrases, as polyglot and react-admin use them. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}
