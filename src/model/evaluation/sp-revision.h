/* sp-revision.h — target revision (目标修正), DOMAIN.md §9
 *
 * A plan keeps its baseline (plan.target and its breakdown cells, untouched); a revision
 * records a date, a reason and the new year target. Re-spreading: the months of the fiscal
 * year that have ended before the revision's date keep their (baseline) target; the new
 * year target minus the ended months' targets is split over the remaining months by the
 * plan's weights — the baseline team month targets — by largest remainder (sp_allocate).
 * The latest revision (by date, then entry) is the plan's current one.
 *
 * Not done here: the breakdown's cells (regions, reps, weeks) are not rewritten; the
 * re-spread month targets are computed here for display next to the baseline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-evaluation.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_REVISION (sp_revision_get_type ())
G_DECLARE_FINAL_TYPE (SpRevision, sp_revision, SP, REVISION, GObject)

gint64       sp_revision_get_id        (SpRevision *self);
gint64       sp_revision_get_plan_id   (SpRevision *self);
const char  *sp_revision_get_day       (SpRevision *self);   /* ISO date */
const char  *sp_revision_get_reason    (SpRevision *self);
gint64       sp_revision_get_amount    (SpRevision *self);   /* the new year target */

/* @n months' baseline targets @months (fiscal order), @weights (NULL: the baseline
 * targets), the first @n_ended kept: @out gets the re-spread targets, summing to
 * @new_total. FALSE with SP_ALLOCATION_ERROR_LOCKS_EXCEED when the ended months already
 * exceed @new_total (@out untouched). */
gboolean     sp_revision_respread      (gint64         new_total,
                                        const gint64  *months,
                                        const gint64  *weights,
                                        guint          n,
                                        guint          n_ended,
                                        gint64        *out,
                                        GError       **error);

/* Records a revision (an undoable edit, "Revise target"); returns its id or 0 with @error
 * (no such plan, a negative amount, an amount below the ended months' targets). */
gint64       sp_revision_add           (SpStore      *store,
                                        gint64        plan_id,
                                        const GDate  *day,
                                        const char   *reason,
                                        gint64        amount,
                                        GError      **error);
/* The plan's revisions, oldest first: a GListModel of SpRevision. */
GListModel  *sp_revision_list          (SpStore      *store,
                                        gint64        plan_id,
                                        GError      **error);
/* The plan's 12 baseline team month targets (its month cells; 0 where missing) and the
 * revised ones (the latest revision re-spread; equal to the baseline without one), both
 * GArrays of gint64, and the number of ended months. */
gboolean     sp_revision_month_targets (SpStore      *store,
                                        gint64        plan_id,
                                        GArray      **out_baseline,
                                        GArray      **out_revised,
                                        guint        *out_n_ended,
                                        GError      **error);

G_END_DECLS
