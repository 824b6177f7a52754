// ra-language-vietnamese ships plain CommonJS without typings.
declare module 'ra-language-vietnamese' {
  import type { MessageTree } from '../i18n/MessageTree';

  const vietnameseMessages: MessageTree;
  export default vietnameseMessages;
}
