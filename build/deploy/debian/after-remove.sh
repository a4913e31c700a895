#!/bin/bash
# postrm of the deb (electron-builder's deb.afterRemove). electron-builder replaces every
# dollar-brace macro in this file with a name of the app, so shell variables here go without braces.

# electron-builder's own after-remove (app-builder-lib/templates/linux/after-remove.tpl): the
# /usr/bin link and the AppArmor profile.

# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# The config in /etc/buergerservice-kiosk was made by the postinst, not shipped by the package, so
# dpkg does not know it: it stays on remove and upgrade and goes only when the package is purged.
if [ "$1" = 'purge' ]; then
    rm -rf '/etc/buergerservice-kiosk'
fi
