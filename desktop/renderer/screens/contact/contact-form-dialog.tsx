import { ActionIcon, Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeepReadonly } from 'rxdb';
import { CONTACT_LIMITS, type Contact } from '@atendo/shared/schemas/contact';
import { useApiAction } from '../../data/use-api-action';
import { useWorkspace } from '../../data/workspace-context';
import { Icon } from '../../ui/icons';
import {
  validateContactForm,
  type ContactFormErrors,
  type ContactFormValues,
} from './contact-form';
import { useContactSave } from './use-contact-save';

export type ContactFormDialogProps = {
  /** Null adds a new contact. */
  contact: DeepReadonly<Contact> | null;
  initialName?: string;
  /** A number to start a new contact with (a tel: link the agent followed). */
  initialPhone?: string;
  onClose: () => void;
  onSaved?: (contactId: string) => void;
};

const orEmpty = (list: readonly string[]): string[] => (list.length === 0 ? [''] : [...list]);

/**
 * Add or edit a contact. Edits go through the outbox (they survive going offline and lose to a
 * newer server version with a notice); a new contact needs the server to give it an id.
 */
export function ContactFormDialog({
  contact,
  initialName = '',
  initialPhone,
  onClose,
  onSaved,
}: ContactFormDialogProps) {
  const { t } = useTranslation();
  const { api } = useWorkspace();
  const action = useApiAction();
  const edit = useContactSave(contact?.id ?? '');
  const failureText = action.failureText ?? edit.failureText;
  const [values, setValues] = useState<ContactFormValues>({
    name: contact?.name ?? initialName,
    phones: orEmpty(contact?.phones ?? (initialPhone === undefined ? [] : [initialPhone])),
    emails: orEmpty(contact?.emails ?? []),
  });
  const [errors, setErrors] = useState<ContactFormErrors | null>(null);
  // One per dialog: saving again after a lost answer returns the contact already added.
  const [createClientId] = useState(() => crypto.randomUUID());

  const save = async () => {
    const result = validateContactForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors(null);
    if (contact !== null) {
      if (!(await edit.save(result.fields))) return;
      onSaved?.(contact.id);
      onClose();
      return;
    }
    const created = await action.run(
      () => api.contact.create.mutate({ ...result.fields, clientId: createClientId }),
      t('contact.saved'),
    );
    if (created === null) return;
    onSaved?.(created.id);
    onClose();
  };

  const nameError = (): string | null => {
    if (errors?.name === 'nameTooLong') {
      const length = values.name.trim().length;
      return t('sending.contact.nameTooLong', { max: CONTACT_LIMITS.name, length });
    }
    return errors?.name === 'nameRequired' ? t('contact.nameRequired') : null;
  };
  const fieldError = (key: 'phones' | 'emails', index: number): string | null => {
    const code = errors?.[key][index] ?? null;
    if (code === 'emailTooLong')
      return t('sending.contact.emailTooLong', { max: CONTACT_LIMITS.email });
    return code === null ? null : t(`contact.${code}`);
  };

  const listField = (
    key: 'phones' | 'emails',
    label: string,
    hint: string | undefined,
    addLabel: string,
  ) => (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {values[key].map((value, index) => (
        <Group key={index} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            style={{ flex: 1 }}
            aria-label={`${label} ${index + 1}`}
            description={index === 0 ? hint : undefined}
            value={value}
            type={key === 'emails' ? 'email' : 'tel'}
            error={fieldError(key, index)}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setValues((v) => ({
                ...v,
                [key]: v[key].map((old, i) => (i === index ? next : old)),
              }));
            }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`${t('contact.remove')} ${label} ${index + 1}`}
            onClick={() => {
              setValues((v) => ({ ...v, [key]: orEmpty(v[key].filter((_, i) => i !== index)) }));
            }}
          >
            <Icon name="close" size={16} />
          </ActionIcon>
        </Group>
      ))}
      {errors?.lists[key] != null && (
        <Text size="xs" c="red" role="alert">
          {t(`sending.contact.${errors.lists[key]}`, { max: CONTACT_LIMITS[key] })}
        </Text>
      )}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<Icon name="plus" size={14} />}
        onClick={() => {
          setValues((v) => ({ ...v, [key]: [...v[key], ''] }));
        }}
      >
        {addLabel}
      </Button>
    </Stack>
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={contact === null ? t('contact.titleAdd') : t('contact.titleEdit')}
    >
      <Stack>
        <TextInput
          label={t('contact.name')}
          value={values.name}
          error={nameError()}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setValues((v) => ({ ...v, name }));
          }}
          data-autofocus
        />
        {listField('phones', t('contact.phones'), t('contact.phoneHint'), t('contact.addPhone'))}
        {listField('emails', t('contact.emails'), undefined, t('contact.addEmail'))}
        {failureText !== null && (
          <Alert color="red" role="alert" title={t('sending.contact.refusedTitle')}>
            {failureText}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={action.pending || edit.pending}>
            {t('contact.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
