import { OutboxItem, type OutboxPayloadMap, type OutboxRecord } from './local-schemas';
import type { SyncTransport } from './transport';

/** Something the agent must be told: a refusal, or an edit the server version replaced. */
export type StoreNotice =
  | {
      type: 'message-refused';
      clientId: string;
      conversationId: string;
      code: string;
      details: Record<string, string | number | boolean | null>;
    }
  | {
      /** A contact edit the server refused for another reason than a newer version. */
      type: 'contact-refused';
      clientId: string;
      contactId: string;
      code: string;
      details: Record<string, string | number | boolean | null>;
    }
  | {
      type: 'contact-conflict';
      clientId: string;
      contactId: string;
      /** What the agent typed, so it can be applied again by hand on the server's version. */
      typedFields: OutboxPayloadMap['contact-edit']['typed'];
      details: Record<string, string | number | boolean | null>;
    };

/**
 * Turns an outbox item read back from disk into its server call. The item is parsed again: what
 * IndexedDB returns is data from a previous run, possibly of an older version of the app.
 */
export async function sendItem(transport: SyncTransport, record: OutboxRecord): Promise<void> {
  const item = OutboxItem.parse(record);
  // The item's own id is the client id, so a retry can never create a second message.
  const clientId = record.id;
  switch (item.kind) {
    case 'text':
      return transport.sendMessage({
        kind: 'text',
        clientId,
        conversationId: item.conversationId,
        ...item.payload,
      });
    case 'template':
      return transport.sendMessage({
        kind: 'template',
        clientId,
        conversationId: item.conversationId,
        ...item.payload,
      });
    case 'attachment':
      return transport.sendMessage({
        kind: 'attachment',
        clientId,
        conversationId: item.conversationId,
        ...item.payload,
      });
    case 'contact-edit':
      return transport.updateContact({
        id: item.payload.contactId,
        version: item.payload.baseVersion,
        fields: item.payload.fields,
        clientId,
      });
  }
}

/** What the agent is told about a refused item: a conflict keeps what they typed. */
export function refusalNotice(
  record: OutboxRecord,
  refusal: { code: string; details: Record<string, string | number | boolean | null> },
): StoreNotice {
  const { code, details } = refusal;
  const item = OutboxItem.safeParse(record);
  const edit = item.success && item.data.kind === 'contact-edit' ? item.data.payload : null;
  const contactId =
    edit?.contactId ??
    (typeof record.payload['contactId'] === 'string' ? record.payload['contactId'] : null);
  if (record.kind === 'contact-edit' && edit !== null && code === 'conflict') {
    return {
      type: 'contact-conflict',
      clientId: record.id,
      contactId: edit.contactId,
      typedFields: edit.typed,
      details,
    };
  }
  if (record.kind === 'contact-edit') {
    return {
      type: 'contact-refused',
      clientId: record.id,
      contactId: contactId ?? '',
      code,
      details,
    };
  }
  return {
    type: 'message-refused',
    clientId: record.id,
    conversationId: record.conversationId ?? '',
    code,
    details,
  };
}
