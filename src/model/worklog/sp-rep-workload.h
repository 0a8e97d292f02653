/* sp-rep-workload.h — what the workload formula asks of a rep (or the team) over a period:
 * the target share from the fiscal year's plan, rates from the work log, working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-calendar.h"
#include "sp-preferences.h"
#include "sp-workload.h"

G_BEGIN_DECLS

/* Days of work log the rates are read from, ending on "today". */
#define SP_REP_WORKLOAD_HISTORY_DAYS 90

typedef struct
{
  SpWorkloadInput input;       /* the period's target, history rates and order value, days */
  SpWorkloadRates history;     /* the figures the rates come from */
  gboolean        used_team;   /* the rates are the team's (the rep has too little history) */
  gboolean        has_plan;    /* FALSE: no plan for the fiscal year, the target is 0 */
  gboolean        enough;      /* FALSE: even the team has too little history */
} SpRepWorkload;

/* Reps that are active now. */
guint    sp_rep_workload_count_active (SpStore         *store,
                                       GError         **error);

/* The target of rep @rep_id (0: the team) for @first … @last that the workload formula
 * uses, the Workload view and the CLI alike: the breakdown's target of the rep (or the team)
 * for the period when the plan has one above 0 (what the dashboard's attainment uses); else
 * the target of the plan of @first's fiscal year (the plan without a team name if there are
 * several), divided equally among @n_active reps and scaled to the period's share of the
 * year's working days. @has_plan (may be NULL): whether that plan exists with a target.
 * FALSE only when the store fails. */
gboolean sp_rep_workload_target       (SpPreferences   *preferences,
                                       gint64           rep_id,
                                       guint            n_active,
                                       const GDate     *first,
                                       const GDate     *last,
                                       gint64          *target,
                                       gboolean        *has_plan,
                                       GError         **error);

/* The workload inputs of rep @rep_id (0: the team) for @first … @last: the target of
 * sp_rep_workload_target(); rates and average order value from the last
 * SP_REP_WORKLOAD_HISTORY_DAYS days up to @today, the team's when the rep has too little
 * history. FALSE only when the store fails. */
gboolean sp_rep_workload_init         (SpRepWorkload   *self,
                                       SpPreferences   *preferences,
                                       gint64           rep_id,
                                       guint            n_active,
                                       const GDate     *first,
                                       const GDate     *last,
                                       const GDate     *today,
                                       GError         **error);

/* sp_rep_workload_init() for each of the @n_reps reps of @rep_ids (0: the team) into
 * @out[i], with the same results, in a number of queries that does not grow with @n_reps
 * (the Workload view at hundreds of reps). */
gboolean sp_rep_workload_init_all     (SpRepWorkload   *out,
                                       SpPreferences   *preferences,
                                       const gint64    *rep_ids,
                                       guint            n_reps,
                                       guint            n_active,
                                       const GDate     *first,
                                       const GDate     *last,
                                       const GDate     *today,
                                       GError         **error);

/* The calendar month (of the fiscal year) containing @day. */
void     sp_rep_workload_month_of     (SpCalendar      *calendar,
                                       const GDate     *day,
                                       GDate           *first,
                                       GDate           *last);

G_END_DECLS
