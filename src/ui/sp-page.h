/* sp-page.h — the base of every view: follows the workspace, refreshes once per change when
 * on screen, later when shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_PAGE (sp_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpPage, sp_page, SP, PAGE, GtkWidget)

struct _SpPageClass
{
  GtkWidgetClass parent_class;

  /* The page was given its workspace (once, when first shown): set up what depends on it. */
  void (*workspace_set)     (SpPage *self,
                             SpWorkspace *workspace);
  /* The workspace changed. The default queues a refresh; a page that must reload lists
   * first (its filter's reps) does so and chains up. */
  void (*workspace_changed) (SpPage *self);
  /* Reads the workspace and shows it. Called only with a workspace, when the page is mapped
   * and something changed since the last call. */
  void (*refresh)           (SpPage *self);

  gpointer padding[8];
};

SpWorkspace   *sp_page_get_workspace     (SpPage      *self);
/* Hands the page its workspace; the window does this when the page is first shown. */
void           sp_page_set_workspace     (SpPage      *self,
                                          SpWorkspace *workspace);
/* Shortcuts to the workspace's store and preferences (NULL before the workspace is set). */
SpStore       *sp_page_get_store         (SpPage      *self);
SpPreferences *sp_page_get_preferences   (SpPage      *self);

/* What the page shows is out of date: refreshes now when the page is on screen, else when it
 * is next shown. */
void           sp_page_queue_refresh     (SpPage      *self);
gboolean       sp_page_get_dirty         (SpPage      *self);
/* How many times the page has refreshed (tests count them). */
guint          sp_page_get_refresh_count (SpPage      *self);

G_END_DECLS
