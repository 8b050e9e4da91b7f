import type { SendingMessages } from './pt-BR';

export const enSending: SendingMessages = {
  sending: {
    counter: '{{length}} / {{limit}}',
    counterLabel: '{{length}} of {{limit}} characters allowed on this channel',
    tooLong:
      'The message has {{length}} characters and this channel allows {{limit}}. Shorten it or split it into more messages.',
    textTooLong: 'The message is longer than the channel limit of {{limit}} characters.',
    retrying: '{{reason}} Trying again at {{time}}.',
    edit: 'Edit',
    waiting: {
      network: 'No connection to the server.',
      'server-error': 'The server is unavailable right now.',
      'rate-limited': 'The server asked to slow down sending.',
      session: 'The session is being renewed.',
    },
    delivery: {
      'no-sender': 'This kind of channel does not send messages yet.',
      'sender-error': 'The channel failed to send the message. Try again.',
      'no-address': 'The contact cannot be reached on this channel (there is no address for them).',
      'channel-not-configured':
        'This channel is not set up on the server yet. Tell your administrator.',
      'empty-message': 'The message was empty.',
      'template-required': 'The 24-hour window is closed. Only a message template can be sent.',
      'window-closed':
        'The WhatsApp 24-hour window is closed. Only a message template can be sent.',
      undeliverable: 'WhatsApp could not deliver the message to this number.',
      'ecosystem-limit':
        'WhatsApp did not deliver the message to protect the contact’s engagement. It will not be resent automatically.',
      'rate-limited': 'WhatsApp limited sending from this number. Try again in a moment.',
      'pair-rate-limited':
        'Too many messages were sent to this contact in a short time. Try again in a moment.',
      'http-rate-limited': 'WhatsApp limited sending. Try again in a moment.',
      'server-error': 'WhatsApp is having trouble right now. Try again later.',
      'network-error': 'The server could not reach WhatsApp. Try again later.',
      whatsapp: 'WhatsApp refused the message (code {{code}}).',
      http: 'WhatsApp answered with an error (HTTP {{status}}).',
      unknown: 'The message could not be delivered.',
    },
    contact: {
      nameTooLong: 'The name can have up to {{max}} characters (it has {{length}}).',
      tooManyPhones: 'Enter at most {{max}} phone numbers.',
      tooManyEmails: 'Enter at most {{max}} e-mail addresses.',
      emailTooLong: 'The e-mail address can have up to {{max}} characters.',
      savedOffline: 'Change saved; it will be sent when the connection is back.',
      savedWaiting: 'Change sent; the server has not confirmed it yet.',
      refusedTitle: 'Contact change not saved',
      refused: 'The server refused the change: {{reason}}',
    },
  },
};
