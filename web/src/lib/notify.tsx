import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface.js';
import type { NotificationInstance } from 'antd/es/notification/interface.js';
import { translate } from '../i18n/catalogue.ts';
import { currentLang } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';

let messageApi: MessageInstance | null = null;
let notificationApi: NotificationInstance | null = null;

/** Mounted once inside antd <App>: lets non-React code (query caches) show messages with the theme. */
export function NotifyBridge() {
  const { message, notification } = App.useApp();
  messageApi = message;
  notificationApi = notification;
  return null;
}

/** Shows an error: an ApiError's `detail` is already in the user's language (Accept-Language). */
export function notifyError(err: unknown) {
  const detail = err instanceof ApiError ? err.detail : err instanceof Error ? err.message : String(err);
  const title = translate(currentLang(), 'errors.title');
  if (notificationApi) notificationApi.error({ title, description: detail, placement: 'topRight' });
  else console.error(title, detail);
}

export function notifySuccess(text: string) {
  messageApi?.success(text);
}
