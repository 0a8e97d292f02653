/* sp-plan.h — a plan: one fiscal year's target for one team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN (sp_plan_get_type ())
G_DECLARE_FINAL_TYPE (SpPlan, sp_plan, SP, PLAN, GObject)

gint64       sp_plan_get_id           (SpPlan    *self);
int          sp_plan_get_fiscal_year  (SpPlan    *self);
const char  *sp_plan_get_team         (SpPlan    *self);
/* Target amounts in minor units: the base tier is the plan's target. */
gint64       sp_plan_get_target       (SpPlan    *self);
gint64       sp_plan_get_sprint       (SpPlan    *self);
gint64       sp_plan_get_challenge    (SpPlan    *self);
/* Sum of the history orders of the fiscal year before this plan's (0 when none). */
gint64       sp_plan_get_last_year_actual (SpPlan *self);

/* Plans, newest fiscal year first; a GListModel of SpPlan. */
GListModel  *sp_plan_list             (SpStore   *store,
                                       GError   **error);
/* The team-wide plan of @fiscal_year (the one without a team name), the plan every view of
 * "the year's plan" means; NULL when there is none, with @error set only when reading fails. */
SpPlan      *sp_plan_find_for_year    (SpStore   *store,
                                       int        fiscal_year,
                                       GError   **error);
/* Creates a plan (an undoable edit); returns its id or 0 with @error (duplicate year and
 * team, negative target). */
gint64       sp_plan_add              (SpStore    *store,
                                       int         fiscal_year,
                                       const char *team,
                                       gint64      target,
                                       GError    **error);
/* Sets the three tiers (an undoable edit); refuses negatives and sprint < base etc. */
gboolean     sp_plan_set_targets      (SpStore   *store,
                                       gint64     plan_id,
                                       gint64     target,
                                       gint64     sprint,
                                       gint64     challenge,
                                       GError   **error);

/* Ramp-up (新人爬坡, DOMAIN.md §2): factors in basis points (5000 = 50 %) for a new hire's
 * first months, counted from the month of hiring, that multiply the rep's monthly weight
 * and their share of the year in the plan's breakdown; none by default. Takes effect when
 * the target is next broken down. An array of gint64, NULL with @error. */
GArray      *sp_plan_get_ramp_factors (SpStore      *store,
                                       gint64        plan_id,
                                       GError      **error);
/* Replaces them (an undoable edit); @n 0 clears them. Refuses a negative factor. */
gboolean     sp_plan_set_ramp_factors (SpStore      *store,
                                       gint64        plan_id,
                                       const gint64 *factors_bp,
                                       guint         n,
                                       GError      **error);

G_END_DECLS
