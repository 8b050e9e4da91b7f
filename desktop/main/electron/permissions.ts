import type { Session } from 'electron';
import type { Logger } from '../logger';
import type { AppLocation } from '../navigation-guard';
import { decidePermission } from '../permissions';

/**
 * Installs the permission rule (../permissions.ts) for checks (`navigator.permissions`,
 * `Notification.permission`) and requests alike, and refuses every device (USB, HID, serial).
 */
export function guardPermissions(ses: Session, app: AppLocation, log: Logger): void {
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const origin = requestingOrigin || details.requestingUrl;
    return decidePermission({ permission, origin, isMainFrame: details.isMainFrame, app }).allow;
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const decision = decidePermission({
      permission,
      origin: details.requestingUrl,
      isMainFrame: details.isMainFrame,
      app,
    });
    if (!decision.allow) {
      log.warn(
        { permission, reason: decision.reason, url: details.requestingUrl.slice(0, 200) },
        'permission refused',
      );
    }
    callback(decision.allow);
  });
  ses.setDevicePermissionHandler(() => false);
}
