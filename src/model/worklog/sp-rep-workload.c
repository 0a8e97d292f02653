/* sp-rep-workload.c — the workload formula's inputs for a rep or the team over a period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-rep-workload"

#include "config.h"

#include <string.h>

#include "sp-metrics.h"
#include "sp-money.h"
#include "sp-plan.h"
#include "sp-rep.h"
#include "sp-rep-workload.h"

guint
sp_rep_workload_count_active (SpStore  *store,
                              GError  **error)
{
  g_autoptr(GListModel) reps = sp_rep_list (store, 0, error);
  guint n = 0;

  if (reps == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);

      if (sp_rep_get_active (rep))
        n++;
    }

  return n;
}

/* The plan of @fiscal_year without a team name, else its first. */
static gboolean
find_year_target (SpStore  *store,
                  int       fiscal_year,
                  gint64   *target,
                  GError  **error)
{
  g_autoptr(GListModel) plans = sp_plan_list (store, error);
  gboolean found = FALSE;

  *target = 0;
  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);
      const char *team = sp_plan_get_team (plan);

      if (sp_plan_get_fiscal_year (plan) != fiscal_year)
        continue;
      if (!found || team == NULL || team[0] == '\0')
        *target = sp_plan_get_target (plan);
      found = TRUE;
      if (team == NULL || team[0] == '\0')
        break;
    }

  return TRUE;
}

void
sp_rep_workload_month_of (SpCalendar  *calendar,
                          const GDate *day,
                          GDate       *first,
                          GDate       *last)
{
  sp_calendar_month_range (calendar, sp_calendar_fiscal_year_of (calendar, day),
                           sp_calendar_fiscal_month_index (calendar, day), first, last);
}

gboolean
sp_rep_workload_target (SpPreferences  *preferences,
                        gint64          rep_id,
                        guint           n_active,
                        const GDate    *first,
                        const GDate    *last,
                        gint64         *target_out,
                        gboolean       *has_plan,
                        GError        **error)
{
  SpStore *store = sp_preferences_get_store (preferences);
  g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (preferences);
  int fiscal_year = sp_calendar_fiscal_year_of (calendar, first);
  GDate year_first, year_last;
  gint64 year_target = 0, target = 0;
  guint year_days, days, share;

  g_return_val_if_fail (SP_IS_PREFERENCES (preferences), FALSE);
  g_return_val_if_fail (first != NULL && last != NULL && target_out != NULL, FALSE);

  if (!find_year_target (store, fiscal_year, &year_target, error))
    return FALSE;
  if (has_plan != NULL)
    *has_plan = year_target > 0;

  sp_calendar_fiscal_year_range (calendar, fiscal_year, &year_first, &year_last);
  year_days = sp_calendar_count_working_days (calendar, &year_first, &year_last);
  days = sp_calendar_count_working_days (calendar, first, last);
  share = rep_id != 0 ? MAX (n_active, 1) : 1;
  if (year_days > 0)
    target = sp_money_scale (year_target, days, (gint64) year_days * share);

  /* The breakdown's target for the rep (or the team) when the plan has been broken down:
   * the same target the dashboard's attainment uses. */
  if (year_target > 0)
    {
      SpMetricsFilter filter;
      SpMetricsAttainment attainment;

      sp_metrics_filter_init (&filter, first, last);
      filter.rep_id = rep_id;
      if (sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                     &attainment, NULL)
          && attainment.target > 0)
        target = attainment.target;
    }

  *target_out = target;
  return TRUE;
}

gboolean
sp_rep_workload_init (SpRepWorkload  *self,
                      SpPreferences  *preferences,
                      gint64          rep_id,
                      guint           n_active,
                      const GDate    *first,
                      const GDate    *last,
                      const GDate    *today,
                      GError        **error)
{
  SpStore *store = sp_preferences_get_store (preferences);
  g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (preferences);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  GDate from;
  gint64 target = 0;
  guint days;

  memset (self, 0, sizeof *self);
  if (!sp_rep_workload_target (preferences, rep_id, n_active, first, last, &target,
                               &self->has_plan, error))
    return FALSE;
  days = sp_calendar_count_working_days (calendar, first, last);

  from = *today;
  g_date_subtract_days (&from, SP_REP_WORKLOAD_HISTORY_DAYS - 1);
  from_iso = sp_date_format_iso (&from);
  to_iso = sp_date_format_iso (today);
  self->enough = sp_workload_rates_for_rep (store, rep_id, from_iso, to_iso, &self->history,
                                            &self->used_team, &local_error);
  if (!self->enough
      && !g_error_matches (local_error, SP_WORKLOAD_ERROR, SP_WORKLOAD_ERROR_TOO_LITTLE_HISTORY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  sp_workload_input_init_from_rates (&self->input, &self->history, target, days);
  return TRUE;
}

/* Every rep's breakdown target for @first … @last, as sp_metrics_get_attainment() gives it
 * with the rep as filter: the ranking reads every rep's cells at once. rep id → gint64;
 * NULL when the ranking fails (then each rep asks on its own). */
static GHashTable *
collect_rep_targets (SpStore     *store,
                     const GDate *first,
                     const GDate *last)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  g_autoptr(GPtrArray) ranking = NULL;
  SpMetricsFilter filter;

  sp_metrics_filter_init (&filter, first, last);
  ranking = sp_metrics_get_ranking (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                    SP_METRICS_RANK_BY_ACTUAL, NULL);
  if (ranking == NULL)
    return NULL;

  for (guint i = 0; i < ranking->len; i++)
    {
      const SpMetricsRankEntry *entry = g_ptr_array_index (ranking, i);

      g_hash_table_insert (targets, g_memdup2 (&entry->rep_id, sizeof (gint64)),
                           g_memdup2 (&entry->target, sizeof (gint64)));
    }

  return g_steal_pointer (&targets);
}

gboolean
sp_rep_workload_init_all (SpRepWorkload  *out,
                          SpPreferences  *preferences,
                          const gint64   *rep_ids,
                          guint           n_reps,
                          guint           n_active,
                          const GDate    *first,
                          const GDate    *last,
                          const GDate    *today,
                          GError        **error)
{
  SpStore *store = sp_preferences_get_store (preferences);
  g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (preferences);
  g_autoptr(GHashTable) targets = NULL;
  g_autofree gboolean *used_team = NULL;
  g_autofree gboolean *enough = NULL;
  g_autofree SpWorkloadRates *history = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  int fiscal_year = sp_calendar_fiscal_year_of (calendar, first);
  GDate year_first, year_last, from;
  gint64 year_target = 0;
  guint year_days, days;

  g_return_val_if_fail (n_reps == 0 || (out != NULL && rep_ids != NULL), FALSE);

  if (n_reps == 0)
    return TRUE;

  memset (out, 0, sizeof *out * n_reps);
  if (!find_year_target (store, fiscal_year, &year_target, error))
    return FALSE;

  sp_calendar_fiscal_year_range (calendar, fiscal_year, &year_first, &year_last);
  year_days = sp_calendar_count_working_days (calendar, &year_first, &year_last);
  days = sp_calendar_count_working_days (calendar, first, last);
  if (year_target > 0)
    targets = collect_rep_targets (store, first, last);

  from = *today;
  g_date_subtract_days (&from, SP_REP_WORKLOAD_HISTORY_DAYS - 1);
  from_iso = sp_date_format_iso (&from);
  to_iso = sp_date_format_iso (today);
  history = g_new0 (SpWorkloadRates, n_reps);
  used_team = g_new0 (gboolean, n_reps);
  enough = g_new0 (gboolean, n_reps);
  if (!sp_workload_rates_for_reps (store, rep_ids, n_reps, from_iso, to_iso, history,
                                   used_team, enough, error))
    return FALSE;

  for (guint i = 0; i < n_reps; i++)
    {
      SpRepWorkload *self = &out[i];
      guint share = rep_ids[i] != 0 ? MAX (n_active, 1) : 1;
      gint64 target = 0;

      self->has_plan = year_target > 0;
      if (year_days > 0)
        target = sp_money_scale (year_target, days, (gint64) year_days * share);

      if (self->has_plan)
        {
          const gint64 *breakdown = NULL;

          /* The team's target, and a rep the ranking leaves out (not employed in the
           * period), the way sp_rep_workload_init() asks. */
          if (targets != NULL && rep_ids[i] != 0)
            breakdown = g_hash_table_lookup (targets, &rep_ids[i]);
          if (breakdown != NULL)
            {
              if (*breakdown > 0)
                target = *breakdown;
            }
          else
            {
              SpMetricsFilter filter;
              SpMetricsAttainment attainment;

              sp_metrics_filter_init (&filter, first, last);
              filter.rep_id = rep_ids[i];
              if (sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                             &attainment, NULL)
                  && attainment.target > 0)
                target = attainment.target;
            }
        }

      self->history = history[i];
      self->used_team = used_team[i];
      self->enough = enough[i];
      sp_workload_input_init_from_rates (&self->input, &self->history, target, days);
    }

  return TRUE;
}
