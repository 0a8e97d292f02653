/* sp-about.h — the About window, built from the app's AppStream metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What libadwaita 1.5's adw_about_window_new_from_appdata() does, for libadwaita 1.2: the
 * summary, the homepage and bug tracker, the developer, and the newest release's version and
 * notes (in the UI language when the metadata has them) from the metainfo at
 * @resource_path. NULL with a warning if it cannot be read. */
AdwAboutWindow *sp_about_window_new_from_appdata (const char *resource_path);

G_END_DECLS
