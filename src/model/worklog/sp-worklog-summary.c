/* sp-worklog-summary.c — what the work log adds up to: period summaries, the four key
 * management figures (四项重点管理) and the activities below a rep's required daily rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worklog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-preferences.h"
#include "sp-store-private.h"
#include "sp-worklog.h"

/* Products of a day's count and a number of days never overflow in 128 bits. */
__extension__ typedef __int128 Wide;

/* Per-day totals of the entries in a window, filtered by rep and region. Each filter is its
 * own clause (not "?3 = 0 OR …") so that SQLite can use the (rep_id, day) index. */
static const char day_totals_select[] =
  "SELECT w.day, count(*),"
  "       sum(w.prospects), sum(w.appointments), sum(w.presentations), sum(w.objections),"
  "       sum(w.closes), sum(w.orders), sum(w.revenue), sum(w.new_customers),"
  "       sum(w.repeat_purchases), sum(w.collected)"
  "  FROM worklog_entry w"
  " WHERE w.day BETWEEN ?1 AND ?2";

static const char day_totals_rep[] = " AND w.rep_id = ?3";

/* An entry belongs to its rep's region on its day: the latest rep_region move on or before
 * it, else the rep's current region. The IN clause narrows the rows before that lookup. */
static const char day_totals_region[] =
  " AND w.rep_id IN (SELECT id FROM rep WHERE region_id = ?4"
  "                  UNION SELECT rep_id FROM rep_region WHERE region_id = ?4)"
  " AND coalesce ((SELECT rr.region_id FROM rep_region rr"
  "                 WHERE rr.rep_id = w.rep_id AND rr.from_day <= w.day"
  "                 ORDER BY rr.from_day DESC LIMIT 1),"
  "               (SELECT rep.region_id FROM rep WHERE rep.id = w.rep_id)) = ?4";

static const char day_totals_group[] = " GROUP BY w.day ORDER BY w.day";

/* Adds the entries of @rep_id / @region_id into @periods, sorted, contiguous summaries whose
 * first and last are set and whose totals are zero. */
static gboolean
fill_periods (SpStore   *store,
              gint64     rep_id,
              gint64     region_id,
              GArray    *periods,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *sql = NULL;
  guint index = 0;
  int rc;

  if (periods->len == 0)
    return TRUE;

  from = sp_date_format_iso (&g_array_index (periods, SpWorklogSummary, 0).first);
  to = sp_date_format_iso (&g_array_index (periods, SpWorklogSummary, periods->len - 1).last);

  sql = g_strconcat (day_totals_select,
                     rep_id != 0 ? day_totals_rep : "",
                     region_id != 0 ? day_totals_region : "",
                     day_totals_group, NULL);
  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (rep_id != 0)
    sqlite3_bind_int64 (stmt, 3, rep_id);
  if (region_id != 0)
    sqlite3_bind_int64 (stmt, 4, region_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpWorklogSummary *period;
      GDate day;

      if (!sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;  /* the schema's CHECK makes this unreachable */

      while (index < periods->len
             && g_date_compare (&g_array_index (periods, SpWorklogSummary, index).last, &day) < 0)
        index++;
      g_assert (index < periods->len);

      period = &g_array_index (periods, SpWorklogSummary, index);
      period->entries += (guint) sqlite3_column_int64 (stmt, 1);
      period->logged_days++;
      for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
        period->totals[i] += sqlite3_column_int64 (stmt, 2 + (int) i);
    }

  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not read the work log"));

  return TRUE;
}

static void
append_period (GArray      *periods,
               const GDate *first,
               const GDate *last)
{
  SpWorklogSummary period = { 0 };

  period.first = *first;
  period.last = *last;
  g_array_append_val (periods, period);
}

gboolean
sp_worklog_summarize (SpStore           *store,
                      gint64             rep_id,
                      gint64             region_id,
                      const GDate       *from,
                      const GDate       *to,
                      SpWorklogSummary  *out,
                      GError           **error)
{
  g_autoptr(GArray) periods = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  periods = g_array_new (FALSE, TRUE, sizeof (SpWorklogSummary));
  append_period (periods, from, to);
  if (!fill_periods (store, rep_id, region_id, periods, error))
    return FALSE;

  *out = g_array_index (periods, SpWorklogSummary, 0);
  return TRUE;
}

GArray *
sp_worklog_summarize_periods (SpStore          *store,
                              gint64            rep_id,
                              gint64            region_id,
                              SpWorklogPeriod   period,
                              const GDate      *from,
                              const GDate      *to,
                              GError          **error)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  GDate first, last;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (period <= SP_WORKLOG_PERIOD_MONTH, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  periods = g_array_new (FALSE, TRUE, sizeof (SpWorklogSummary));
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  switch (period)
    {
    case SP_WORKLOG_PERIOD_DAY:
      first = *from;
      break;
    case SP_WORKLOG_PERIOD_WEEK:
      preferences = sp_preferences_new (store);
      calendar = sp_preferences_dup_calendar (preferences);
      sp_calendar_week_start_of (calendar, from, &first);
      break;
    case SP_WORKLOG_PERIOD_MONTH:
      g_date_set_dmy (&first, 1, g_date_get_month (from), g_date_get_year (from));
      break;
    default:
      g_assert_not_reached ();
    }

  while (g_date_compare (&first, to) <= 0)
    {
      last = first;
      switch (period)
        {
        case SP_WORKLOG_PERIOD_DAY:
          break;
        case SP_WORKLOG_PERIOD_WEEK:
          g_date_add_days (&last, 6);
          break;
        case SP_WORKLOG_PERIOD_MONTH:
          g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (&first),
                                                           g_date_get_year (&first)));
          break;
        default:
          g_assert_not_reached ();
        }

      append_period (periods, &first, &last);
      first = last;
      g_date_add_days (&first, 1);
    }

  if (!fill_periods (store, rep_id, region_id, periods, error))
    return NULL;

  return g_steal_pointer (&periods);
}

/* Per-rep totals: the region column is the rep's region on the entry's day, as in
 * day_totals_region, or 0 when not grouping by region. */
static const char rep_totals_head[] =
  "SELECT w.rep_id, ";
static const char rep_totals_region[] =
  "coalesce ((SELECT rr.region_id FROM rep_region rr"
  "            WHERE rr.rep_id = w.rep_id AND rr.from_day <= w.day"
  "            ORDER BY rr.from_day DESC LIMIT 1),"
  "          (SELECT rep.region_id FROM rep WHERE rep.id = w.rep_id), 0)";
static const char rep_totals_tail[] =
  " AS region, count(*), count(DISTINCT w.day),"
  "       sum(w.prospects), sum(w.appointments), sum(w.presentations), sum(w.objections),"
  "       sum(w.closes), sum(w.orders), sum(w.revenue), sum(w.new_customers),"
  "       sum(w.repeat_purchases), sum(w.collected)"
  "  FROM worklog_entry w"
  " WHERE w.day BETWEEN ?1 AND ?2"
  " GROUP BY 1, 2 ORDER BY 1, 2";

GArray *
sp_worklog_summarize_reps (SpStore      *store,
                           const GDate  *from,
                           const GDate  *to,
                           gboolean      by_region,
                           GError      **error)
{
  g_autoptr(GArray) reps = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strconcat (rep_totals_head, by_region ? rep_totals_region : "0", rep_totals_tail,
                     NULL);
  stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  if (stmt == NULL)
    return NULL;

  from_iso = sp_date_format_iso (from);
  to_iso = sp_date_format_iso (to);
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_TRANSIENT);

  reps = g_array_new (FALSE, TRUE, sizeof (SpWorklogRepSummary));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpWorklogRepSummary rep = { 0 };

      rep.rep_id = sqlite3_column_int64 (stmt, 0);
      rep.region_id = sqlite3_column_int64 (stmt, 1);
      rep.summary.first = *from;
      rep.summary.last = *to;
      rep.summary.entries = (guint) sqlite3_column_int64 (stmt, 2);
      rep.summary.logged_days = (guint) sqlite3_column_int64 (stmt, 3);
      for (guint i = 0; i < SP_WORKLOG_N_VALUES; i++)
        rep.summary.totals[i] = sqlite3_column_int64 (stmt, 4 + (int) i);
      g_array_append_val (reps, rep);
    }

  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the work log"));
      return NULL;
    }

  return g_steal_pointer (&reps);
}

static guint
month_number (const GDate *date)
{
  return g_date_get_year (date) * 12u + (g_date_get_month (date) - 1u);
}

void
sp_worklog_previous_period (const GDate *from,
                            const GDate *to,
                            GDate       *prev_from,
                            GDate       *prev_to)
{
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (g_date_compare (from, to) <= 0);
  g_return_if_fail (prev_from != NULL && prev_to != NULL);

  *prev_to = *from;
  g_date_subtract_days (prev_to, 1);
  *prev_from = *from;

  if (g_date_get_day (from) == 1 && g_date_is_last_of_month (to))
    g_date_subtract_months (prev_from, month_number (to) - month_number (from) + 1);
  else
    g_date_subtract_days (prev_from, g_date_days_between (from, to) + 1);
}

static void
key_figures_from_summary (const SpWorklogSummary *summary,
                          SpWorklogKeyFigures    *out)
{
  out->first = summary->first;
  out->last = summary->last;
  out->new_customers = summary->totals[SP_WORKLOG_FIELD_NEW_CUSTOMERS];
  out->conversion = (SpRate) { summary->totals[SP_WORKLOG_FIELD_CLOSES],
                               summary->totals[SP_WORKLOG_FIELD_PROSPECTS] };
  out->orders = summary->totals[SP_WORKLOG_FIELD_ORDERS];
  out->repeat_purchases = summary->totals[SP_WORKLOG_FIELD_REPEAT_PURCHASES];
}

gboolean
sp_worklog_key_figures (SpStore              *store,
                        gint64                rep_id,
                        gint64                region_id,
                        const GDate          *from,
                        const GDate          *to,
                        SpWorklogKeyFigures  *current,
                        SpWorklogKeyFigures  *previous,
                        GError              **error)
{
  SpWorklogSummary now, before;
  GDate prev_from, prev_to;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, FALSE);
  g_return_val_if_fail (current != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&prev_from, 1);
  g_date_clear (&prev_to, 1);
  sp_worklog_previous_period (from, to, &prev_from, &prev_to);

  if (!sp_worklog_summarize (store, rep_id, region_id, from, to, &now, error)
      || (previous != NULL
          && !sp_worklog_summarize (store, rep_id, region_id, &prev_from, &prev_to, &before,
                                    error)))
    return FALSE;

  key_figures_from_summary (&now, current);
  if (previous != NULL)
    key_figures_from_summary (&before, previous);
  return TRUE;
}

guint
sp_worklog_activities_below (const SpWorklogSummary *actual,
                             guint                   working_days,
                             const gint64           *required_per_day)
{
  guint below = 0;

  g_return_val_if_fail (actual != NULL, 0);
  g_return_val_if_fail (required_per_day != NULL, 0);

  if (working_days == 0)
    return 0;

  /* sum / days < required  ⇔  sum < required × days, with days > 0 */
  for (guint stage = 0; stage < SP_WORKLOAD_N_STAGES; stage++)
    if (required_per_day[stage] > 0
        && (Wide) actual->totals[stage] < (Wide) required_per_day[stage] * working_days)
      below |= SP_WORKLOG_STAGE_BIT (stage);

  return below;
}

gboolean
sp_worklog_below_required (SpStore           *store,
                           gint64             rep_id,
                           const GDate       *from,
                           const GDate       *to,
                           const gint64      *required_per_day,
                           guint             *below,
                           SpWorklogSummary  *actual,
                           GError           **error)
{
  g_autoptr(SpPreferences) preferences = NULL;
  g_autoptr(SpCalendar) calendar = NULL;
  SpWorklogSummary summary;
  guint working_days;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, FALSE);
  g_return_val_if_fail (required_per_day != NULL, FALSE);
  g_return_val_if_fail (below != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sp_worklog_summarize (store, rep_id, 0, from, to, &summary, error))
    return FALSE;

  preferences = sp_preferences_new (store);
  calendar = sp_preferences_dup_calendar (preferences);
  working_days = sp_calendar_count_working_days (calendar, from, to);

  *below = sp_worklog_activities_below (&summary, working_days, required_per_day);
  if (actual != NULL)
    *actual = summary;
  return TRUE;
}
