/* sp-window.h — the main window: one workspace, its six views, undo/redo, import/export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-application.h"
#include "sp-preferences.h"
#include "sp-store.h"
#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())
G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow      *sp_window_new              (SpApplication *application,
                                           SpStore       *store);
SpStore       *sp_window_get_store        (SpWindow      *self);
SpWorkspace   *sp_window_get_workspace    (SpWindow      *self);
SpPreferences *sp_window_get_preferences  (SpWindow      *self);
/* Name of the visible view: "targets", "worklog", "workload", "funnel", "dashboard",
 * "meetings". */
const char    *sp_window_get_visible_view (SpWindow      *self);
gboolean       sp_window_get_presenting   (SpWindow      *self);
void           sp_window_add_toast        (SpWindow      *self,
                                           AdwToast      *toast);
/* Fills the (empty) workspace with the demo data in a worker thread, with progress. */
void           sp_window_fill_demo        (SpWindow      *self,
                                           const GDate   *today);

G_END_DECLS
