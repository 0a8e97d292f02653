/* sp-application.h — the Sales Planner application: workspaces, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())
G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication *sp_application_new            (void);
/* Opens the workspace at @path in a window (or presents the window that already shows it).
 * A file that did not exist becomes a new workspace filled with the demo data; a file that
 * cannot be opened is reported and left untouched. */
void           sp_application_open_workspace (SpApplication *self,
                                              const char    *path);

G_END_DECLS
