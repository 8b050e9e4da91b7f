import { enSeatSuper } from './en-seat-super';
import { enAdminCatalog } from './en-admin-catalog';
import { enActions } from './en-actions';
import { enSeat } from './en-seat';
import { enSeatWa } from './en-seat-wa';
import { enSending } from './en-sending';
import { enSession } from './en-session';
import { enWorkspace } from './en-workspace';
import { enPrivacy } from './en-privacy';
import { enQuickReplies } from './en-quick-replies';
import { enSecScope, enSecScopeErrors } from './en-sec-scope';
import { enAdminPeople } from './en-admin-people';
import type { Messages } from './pt-BR';
import { enSecSession } from './en-sec-session';
import { enSecInputErrors } from './en-sec-input';

export const en: Messages = {
  app: {
    name: 'Atendo',
    loading: 'Loading…',
    themeLight: 'Light theme',
    themeDark: 'Dark theme',
    language: 'Language',
    logout: 'Sign out',
    help: 'Keyboard shortcuts',
    closeDialog: 'Close',
  },
  login: {
    title: 'Sign in to Atendo',
    subtitle: 'Use the credentials your supervisor gave you.',
    serverUrl: 'Server address',
    serverUrlHint: "Set by your company's policy",
    email: 'Email',
    password: 'Password',
    presence: 'Sign in as',
    submit: 'Sign in',
    invalidUrl: 'Enter a valid http:// or https:// address',
    invalidEmail: 'Enter a valid email',
    passwordRequired: 'Enter your password',
    failed: 'Could not sign in',
    wrongCredentials: 'Wrong email or password.',
    unreachable: 'Could not reach the server at {{url}}. Check the address and the network.',
    deactivated: "This account was deactivated. Talk to your company's administrator.",
    temporaryPassword: 'Temporary password',
    changeTitle: 'Choose your password',
    changeHint: 'Your current password is temporary. Choose a new one to sign in.',
    newPassword: 'New password',
    confirmPassword: 'Confirm the new password',
    newPasswordShort: 'Use at least {{count}} characters',
    passwordsDiffer: 'The passwords do not match',
    submitNewPassword: 'Set password and sign in',
    weakPassword: {
      'too-short': 'The new password is too short: use at least 10 characters.',
      'too-long': 'The new password is too long: use at most 200 characters.',
      'too-common': 'This password is among the most used ones. Choose another.',
      'too-few-kinds': 'Mix letters with digits or symbols.',
      'contains-name': 'Do not use your name or e-mail in the password.',
      unchanged: 'Choose a password other than the temporary one.',
    },
  },
  presence: {
    available: 'Available',
    away: 'Away',
    offline: 'Offline',
    change: 'Change status',
  },
  errors: {
    ...enSecInputErrors,
    generic: 'Something went wrong. Please try again.',
    network: 'No connection to the server.',
    'invalid-input': 'Some data is invalid. Check the fields and try again.',
    unauthenticated: 'Your session has expired. Please sign in again.',
    'not-found': 'We could not find it. It may have been removed.',
    forbidden: 'You are not allowed to do this.',
    conflict: 'Someone changed this at the same time. The data was refreshed; try again.',
    'contact-busy': 'This contact is already being served by {{ownerName}} on this channel.',
    'contact-busy-queued': "This contact is already waiting in this channel's queue.",
    'in-bot': "The contact is still in this channel's bot menu.",
    'awaiting-csat': "The previous conversation is waiting for the contact's satisfaction score.",
    'inbound-only-channel':
      'This channel is inbound-only: it answers but cannot start conversations.',
    'contact-unreachable':
      'This contact cannot be written to on this channel: their address here is missing. Choose another channel.',
    'not-team-member': 'You are not a member of this team. Choose one of your teams.',
    'template-required': 'The 24-hour window is closed. Only a message template can be sent.',
    'template-not-found': 'This message template no longer exists or is not available.',
    'template-params-missing': 'Fill in every parameter of the message template.',
    'attachment-type-not-allowed': 'This type of file is not accepted on this channel.',
    'attachment-too-large': "The file is larger than this channel's {{maxSize}} limit.",
    'attachment-not-supported': 'This channel does not accept attachments.',
    'already-taken': 'This conversation was already taken by {{ownerName}}.',
    'invalid-transition': 'This conversation is no longer in that state. The screen was refreshed.',
    'not-owner': 'Only the agent who owns the conversation can do this.',
    'not-participant': 'You no longer take part in this conversation.',
    'over-capacity': 'You have reached your limit of simultaneous conversations.',
    'disposition-required': 'Choose a disposition to close this conversation.',
    'disposition-invalid': 'This disposition cannot be used. Choose another one.',
    'tag-not-in-team': "This tag does not belong to the conversation's team.",
    'history-forbidden': 'You are not allowed to see this history.',
    'password-change-required': 'Set a new password to sign in: the current one is temporary.',
    'weak-password':
      'This password is too weak. Use at least 10 characters, mixing letters and digits.',
    'already-exists': 'Something with this value already exists. Use another one.',
    'team-in-use': 'A channel still sends conversations to this team. Change the channel first.',
    'team-archived': 'This team is archived and cannot take conversations.',
    'team-has-no-members': 'This team has no members to serve the channel.',
    'channel-archived': 'This channel is archived.',
    'not-configured': 'This channel is not set up yet. Check its credentials in the admin console.',
    'rate-limited':
      'Too many attempts in a short time. Wait {{retryAfterSeconds}} s and try again.',
    ...enSecScopeErrors,
    'csat-not-pending': 'This conversation is not waiting for a satisfaction score.',
    'contact-has-open-conversations':
      'This contact has {{count}} open conversation(s). Close them first, or choose to end them.',
  },
  hints: {
    'ask-supervisor':
      'Ask your supervisor to close the conversation or transfer it to you from monitoring.',
    'take-from-queue': 'Take the conversation from the "Queued" list.',
    'use-another-channel': 'Choose another channel to start the conversation.',
  },
  ...enWorkspace,
  ...enActions,
  ...enSending,
  ...enSeat,
  ...enSeatWa,
  ...enSession,
  ...enPrivacy,
  ...enQuickReplies,
  ...enSecSession,
  ...enSeatSuper,
  ...enSecScope,
  ...enAdminCatalog,
  ...enAdminPeople,
};
