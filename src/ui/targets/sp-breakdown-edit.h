/* sp-breakdown-edit.h — what the breakdown tree and matrix share: typed text to an edit of a
 * cell, amounts as the grid shows them, refusals as toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-breakdown.h"
#include "sp-money.h"

G_BEGIN_DECLS

/* Shared with the matrix: sets @cell from typed @text (an amount, or "12.5%" of @parent when
 * @parent_of is not -1). A refusal by the locks says by how much, in @currency. */
gboolean             sp_breakdown_edit_from_text     (SpBreakdown           *breakdown,
                                                      const SpCurrency      *currency,
                                                      const SpBreakdownCell *cell,
                                                      int                    parent_of,
                                                      const char            *text,
                                                      GError               **error);
/* "¥41,630,000.00", "¥41,630,000.50": always the minor units, so a column stays aligned. */
char                *sp_breakdown_format_amount      (const SpCurrency      *currency,
                                                      gint64                 amount,
                                                      SpMoneyFormatFlags     flags);
/* Shows @message as a toast in @widget's window. */
void                 sp_breakdown_toast              (GtkWidget             *widget,
                                                      const char            *message);
/* Dismisses the toast sp_breakdown_toast() showed, if it is still up. */
void                 sp_breakdown_toast_dismiss      (GtkWidget             *widget);

/* A row's name: "FY2026", "Q1", "October 2026", "Week 40 · 1 Oct 2026". */
char                *sp_breakdown_format_period      (int                    fiscal_year,
                                                      const SpBreakdownCell *cell);

/* Cells are GtkEditableLabels: watch each, and before destroying any, wait for
 * sp_breakdown_editable_settle_time() milliseconds (0: now is fine). */
void                 sp_breakdown_watch_editable     (GtkWidget             *editable);
guint                sp_breakdown_editable_settle_time (void);

G_END_DECLS
