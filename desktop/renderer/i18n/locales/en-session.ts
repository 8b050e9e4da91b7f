import type { SessionMessages } from './pt-BR';

/** Strings of signing out (the dialog and the login screen's notice), in English. */
export const enSession: SessionMessages = {
  signOut: {
    title: 'Sign out of Atendo',
    intro: 'You are about to sign out of your account on this computer.',
    erase: "Also erase Atendo's data from this computer",
    eraseHint:
      'Conversations, contacts, drafts and pending sends kept here. What is already on the server comes back when you sign in again.',
    eraseForced: "Set by your company's policy: this computer's data is always erased on sign-out.",
    unsentTitle_one: '{{count}} item has not been sent to the server yet',
    unsentTitle_other: '{{count}} items have not been sent to the server yet',
    unsentErase:
      "Messages or contact changes made while offline. If you erase this computer's data, they are lost.",
    unsentKeep: 'They will be sent when you sign in again on this computer.',
    confirm: 'Sign out',
    confirmErase: 'Erase and sign out',
    pending: 'Signing out…',
    endedElsewhere:
      'Your session was ended in another window or on another computer. Sign in again.',
    endedExpired: 'Your session expired. Sign in again.',
    endedRevoked:
      'Your session was ended: the password was changed or an administrator reviewed your access. Sign in again.',
    endedUnknown: 'Your session ended. Sign in again.',
    done: 'You signed out of Atendo.',
    doneErased: "You signed out of Atendo and this computer's data was erased.",
    serverNotEnded:
      'You signed out on this computer, but the session on the server could not be ended (offline or refused). It stops working by itself when it expires.',
    serverNotEndedAt:
      'You signed out on this computer, but the session on the server could not be ended (offline or refused). It stops working by itself at {{when}}.',
    eraseFailed:
      "This computer's data could not be erased. Close Atendo and sign out again with the erase option ticked.",
  },
};
