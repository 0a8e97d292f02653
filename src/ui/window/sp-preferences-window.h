/* sp-preferences-window.h — the workspace's currency, calendar and holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_PREFERENCES_WINDOW (sp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, SP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *sp_preferences_window_new (SpWorkspace *workspace);

G_END_DECLS
