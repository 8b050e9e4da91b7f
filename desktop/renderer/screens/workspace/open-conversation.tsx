import { createContext, useContext, type ReactNode } from 'react';

type OpenConversation = (conversationId: string) => void;

const OpenConversationContext = createContext<OpenConversation | null>(null);

/**
 * The shell decides which conversation is open. Screens deep inside the open conversation (the
 * "other channels" menu) ask it to open another one through this context instead of threading a
 * callback through every component in between.
 */
export function OpenConversationProvider(props: { open: OpenConversation; children: ReactNode }) {
  return (
    <OpenConversationContext.Provider value={props.open}>
      {props.children}
    </OpenConversationContext.Provider>
  );
}

export function useOpenConversation(): OpenConversation {
  const value = useContext(OpenConversationContext);
  if (value === null) throw new Error('useOpenConversation outside OpenConversationProvider');
  return value;
}
