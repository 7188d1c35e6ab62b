import { notifications } from '@mantine/notifications';

/** A short confirmation; its close button is named in the person's language (axe: button-name). */
export function notifyDone(message: string, closeLabel: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': closeLabel } });
}
