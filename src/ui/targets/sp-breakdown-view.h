/* sp-breakdown-view.h — the breakdown grid of the Targets view: year → quarter → month → week
 * for the team or for each member of a dimension, every amount editable, with locks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-breakdown.h"
#include "sp-workspace.h"

#include "sp-breakdown-row.h"

G_BEGIN_DECLS

#define SP_TYPE_BREAKDOWN_VIEW (sp_breakdown_view_get_type ())
G_DECLARE_FINAL_TYPE (SpBreakdownView, sp_breakdown_view, SP, BREAKDOWN_VIEW, GtkWidget)

/* Shows @breakdown (NULL: nothing) in @workspace's currency. */
void                 sp_breakdown_view_set_breakdown (SpBreakdownView      *self,
                                                      SpWorkspace          *workspace,
                                                      SpBreakdown          *breakdown);
SpBreakdown         *sp_breakdown_view_get_breakdown (SpBreakdownView      *self);
void                 sp_breakdown_view_set_dimension (SpBreakdownView      *self,
                                                      SpBreakdownDimension  dimension);
/* The rows as shown (a GtkTreeListModel of GtkTreeListRow over SpBreakdownRow). */
GListModel          *sp_breakdown_view_get_rows      (SpBreakdownView      *self);
/* What Enter in a target cell does: @text is an amount ("1,234.56") or a percent of the
 * row's parent ("12.5%"). A refusal shows a toast and returns FALSE with @error. */
gboolean             sp_breakdown_view_apply_text    (SpBreakdownView      *self,
                                                      SpBreakdownRow       *row,
                                                      const char           *text,
                                                      GError              **error);

G_END_DECLS
