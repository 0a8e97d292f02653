/* sp-window-private.h — what sp-window.c shares with sp-window-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-targets-page.h"
#include "sp-window.h"

G_BEGIN_DECLS

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpStore              *store;
  SpWorkspace          *workspace;
  SpPreferences        *preferences;     /* the workspace's */
  GSettings            *settings;        /* NULL when the schema is not installed */
  GtkCssProvider       *presentation_css;
  guint                 inhibit_cookie;
  guint                 pulse_source;    /* while the job's progress is unknown */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_header;
  AdwWindowTitle       *view_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  AdwViewStack         *stack;
  SpTargetsPage        *targets_page;
  GtkWidget            *busy_box;
  GtkLabel             *busy_label;
  GtkProgressBar       *busy_progress;
};

void _sp_window_show_error   (SpWindow     *self,
                              const char   *heading,
                              const GError *error);
/* After a worker wrote to the file through its own connection. */
void _sp_window_reload       (SpWindow     *self);
/* sp-window-io.c: win.import, win.export, win.undo-import, win.fill-demo */
void _sp_window_io_init      (SpWindow     *self);

G_END_DECLS
