/* sp-breakdown-matrix.h — the breakdown as a month × region or month × rep table with totals,
 * every amount editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-breakdown.h"
#include "sp-workspace.h"

G_BEGIN_DECLS

#define SP_TYPE_BREAKDOWN_MATRIX (sp_breakdown_matrix_get_type ())
G_DECLARE_FINAL_TYPE (SpBreakdownMatrix, sp_breakdown_matrix, SP, BREAKDOWN_MATRIX, GtkWidget)

void       sp_breakdown_matrix_set_breakdown (SpBreakdownMatrix    *self,
                                              SpWorkspace          *workspace,
                                              SpBreakdown          *breakdown);
/* Any dimension but SP_BREAKDOWN_DIMENSION_TEAM. */
void       sp_breakdown_matrix_set_dimension (SpBreakdownMatrix    *self,
                                              SpBreakdownDimension  dimension);
/* The editable cell of @member_id (0: the team, the totals) in fiscal @month (12: the year),
 * or NULL. */
GtkWidget *sp_breakdown_matrix_get_cell      (SpBreakdownMatrix    *self,
                                              gint64                member_id,
                                              guint                 month);
/* What Enter in a cell does (a refusal shows a toast and returns FALSE with @error). */
gboolean   sp_breakdown_matrix_apply_text    (SpBreakdownMatrix    *self,
                                              GtkWidget            *cell,
                                              const char           *text,
                                              GError              **error);

G_END_DECLS
