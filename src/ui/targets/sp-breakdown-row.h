/* sp-breakdown-row.h — one row of the breakdown grid: a cell of the plan's breakdown as the
 * UI shows it (name, amount against its parent and last year, lock, mismatch)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-breakdown.h"

G_BEGIN_DECLS

#define SP_TYPE_BREAKDOWN_ROW (sp_breakdown_row_get_type ())
G_DECLARE_FINAL_TYPE (SpBreakdownRow, sp_breakdown_row, SP, BREAKDOWN_ROW, GObject)

/* @total: the grand-total row at the end of the grid (not editable by percent, no children). */
SpBreakdownRow        *sp_breakdown_row_new               (const SpBreakdownCell *cell,
                                                           const char            *name,
                                                           gboolean               total);
const SpBreakdownCell *sp_breakdown_row_get_cell          (SpBreakdownRow        *self);
const char            *sp_breakdown_row_get_name          (SpBreakdownRow        *self);
gboolean               sp_breakdown_row_is_total          (SpBreakdownRow        *self);
/* The amount the percent column divides by; 0: none. */
gint64                 sp_breakdown_row_get_parent_amount (SpBreakdownRow        *self);
/* TRUE when the row's children do not add up to it. */
gboolean               sp_breakdown_row_get_mismatch      (SpBreakdownRow        *self);
/* The cell the percent column is a share of (a key: only its dimension, member_id, period and
 * index count); NULL: none. */
void                   sp_breakdown_row_set_parent        (SpBreakdownRow        *self,
                                                           const SpBreakdownCell *parent);
const SpBreakdownCell *sp_breakdown_row_get_parent        (SpBreakdownRow        *self);
/* Replaces what the row shows and emits ::changed. */
void                   sp_breakdown_row_update            (SpBreakdownRow        *self,
                                                           const SpBreakdownCell *cell,
                                                           gint64                 parent_amount,
                                                           gboolean               mismatch);

G_END_DECLS
