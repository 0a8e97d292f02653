/* sp-meeting-agenda-periods.c — the agenda data of the weekly, monthly and review meetings:
 * funnel movement, key success factors, lost reasons, the gap to the year, products
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-meeting"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-meeting-agenda-private.h"
#include "sp-plan.h"

/* Columns read by deal_from_row(); ?1 and ?2 are the period's first and last day. */
#define DEAL_COLUMNS \
  "SELECT o.id, o.title, r.name, s.name, o.amount, o.lost_reason, "

static SpAgendaDeal *
deal_from_row (sqlite3_stmt *stmt)
{
  SpAgendaDeal *deal = g_new0 (SpAgendaDeal, 1);

  deal->opportunity_id = sqlite3_column_int64 (stmt, 0);
  deal->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  deal->rep_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  deal->stage = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  deal->amount = sqlite3_column_int64 (stmt, 4);
  deal->lost_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  if (!sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 6), &deal->day))
    g_date_clear (&deal->day, 1);
  return deal;
}

static GPtrArray *
query_deals (SpStore          *store,
             const char       *sql,
             SpMeetingAgenda  *agenda,
             gint64            id,
             GError          **error)
{
  g_autoptr(GPtrArray) deals = g_ptr_array_new_with_free_func (sp_agenda_deal_free);
  g_autofree char *first = sp_date_format_iso (&agenda->first);
  g_autofree char *last = sp_date_format_iso (&agenda->last);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (deals, deal_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the opportunities"));
      return NULL;
    }
  return g_steal_pointer (&deals);
}

#define DEAL_FROM \
  " FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id" \
  " LEFT JOIN rep r ON r.id = o.rep_id "

gboolean
sp_agenda_fill_funnel (SpStore          *store,
                       SpMeetingAgenda  *agenda,
                       GError          **error)
{
  /* Advanced: entered, in the period, an open stage placed after a stage it had been in
   * before (the latest such day). */
  static const char advanced[] =
    DEAL_COLUMNS "max(h.entered_on)" DEAL_FROM
    " JOIN opportunity_stage_history h ON h.opportunity_id = o.id"
    " JOIN pipeline_stage hs ON hs.id = h.stage_id"
    " WHERE h.entered_on BETWEEN ?1 AND ?2 AND hs.outcome = 'open'"
    " AND EXISTS (SELECT 1 FROM opportunity_stage_history p"
    "             JOIN pipeline_stage ps ON ps.id = p.stage_id"
    "             WHERE p.opportunity_id = o.id AND ps.position < hs.position"
    "             AND (p.entered_on < h.entered_on"
    "                  OR (p.entered_on = h.entered_on AND p.id < h.id)))"
    " GROUP BY o.id ORDER BY max(h.entered_on), o.id";

  agenda->new_deals = query_deals (store, DEAL_COLUMNS "o.created_on" DEAL_FROM
                                   "WHERE o.created_on BETWEEN ?1 AND ?2"
                                   " ORDER BY o.created_on, o.id", agenda, 0, error);
  if (agenda->new_deals == NULL)
    return FALSE;
  agenda->advanced_deals = query_deals (store, advanced, agenda, 0, error);
  if (agenda->advanced_deals == NULL)
    return FALSE;
  agenda->won_deals = query_deals (store, DEAL_COLUMNS "o.closed_on" DEAL_FROM
                                   "WHERE s.outcome = 'won' AND o.closed_on BETWEEN ?1 AND ?2"
                                   " ORDER BY o.closed_on, o.id", agenda, 0, error);
  if (agenda->won_deals == NULL)
    return FALSE;
  agenda->lost_deals = query_deals (store, DEAL_COLUMNS "o.closed_on" DEAL_FROM
                                    "WHERE s.outcome = 'lost' AND o.closed_on BETWEEN ?1 AND ?2"
                                    " ORDER BY o.closed_on, o.id", agenda, 0, error);
  return agenda->lost_deals != NULL;
}

gboolean
sp_agenda_fill_case (SpStore          *store,
                     SpMeetingAgenda  *agenda,
                     gint64            opportunity_id,
                     GError          **error)
{
  g_autoptr(GPtrArray) deals = query_deals (store, DEAL_COLUMNS "o.closed_on" DEAL_FROM
                                            "WHERE ?1 IS NOT NULL AND ?2 IS NOT NULL"
                                            " AND o.id = ?3", agenda, opportunity_id, error);

  if (deals == NULL)
    return FALSE;
  if (deals->len > 0)
    agenda->case_deal = g_ptr_array_steal_index (deals, 0);
  return TRUE;
}

/* Rows of (name, count, amount) from @sql over the period. */
static GPtrArray *
query_counts (SpStore          *store,
              const char       *sql,
              SpMeetingAgenda  *agenda,
              GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (sp_agenda_count_free);
  g_autofree char *first = sp_date_format_iso (&agenda->first);
  g_autofree char *last = sp_date_format_iso (&agenda->last);
  g_autoptr(sqlite3_stmt) stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpAgendaCount *row = g_new0 (SpAgendaCount, 1);

      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->count = sqlite3_column_int64 (stmt, 1);
      row->amount = sqlite3_column_int64 (stmt, 2);
      if (sqlite3_column_count (stmt) > 3)
        row->target = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      sp_store_set_sql_error (store, error, _("Could not read the opportunities"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Team attainment of the period, the fiscal year's target and result up to the period's
 * end, the gap, and the lost reasons. */
static gboolean
fill_year (SpStore          *store,
           const SpCalendar *calendar,
           SpMeetingAgenda  *agenda,
           GError          **error)
{
  SpMetricsFilter filter;
  SpMetricsAttainment year, to_date;
  GDate year_first, year_last;

  sp_metrics_filter_init (&filter, &agenda->first, &agenda->last);
  if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                  &agenda->team, error))
    return FALSE;
  sp_calendar_fiscal_year_range (calendar, sp_calendar_fiscal_year_of (calendar, &agenda->first),
                                 &year_first, &year_last);
  sp_metrics_filter_init (&filter, &year_first, &year_last);
  if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE, &year,
                                  error))
    return FALSE;
  sp_metrics_filter_init (&filter, &year_first, &agenda->last);
  if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE, &to_date,
                                  error))
    return FALSE;
  agenda->year_target = year.target;
  agenda->year_actual = to_date.actual;
  agenda->year_gap = MAX (year.target - to_date.actual, 0);

  agenda->lost_reasons = query_counts (store,
                                       "SELECT trim(o.lost_reason), count(*), sum(o.amount)"
                                       DEAL_FROM
                                       "WHERE s.outcome = 'lost' AND o.closed_on BETWEEN ?1 AND ?2"
                                       " GROUP BY trim(o.lost_reason)"
                                       " ORDER BY count(*) DESC, sum(o.amount) DESC, 1",
                                       agenda, error);
  return agenda->lost_reasons != NULL;
}

gboolean
sp_agenda_fill_monthly (SpStore          *store,
                        const SpCalendar *calendar,
                        SpMeetingAgenda  *agenda,
                        GError          **error)
{
  SpMetricsFilter filter;
  GDate prev_first, prev_last;

  sp_metrics_filter_init (&filter, &agenda->first, &agenda->last);
  if (!sp_metrics_get_kpis (store, &filter, &agenda->kpis, error))
    return FALSE;
  agenda->burn_up = sp_metrics_get_revenue_series (store, &filter, SP_METRICS_STEP_DAY, error);
  if (agenda->burn_up == NULL)
    return FALSE;
  sp_worklog_previous_period (&agenda->first, &agenda->last, &prev_first, &prev_last);
  sp_metrics_filter_init (&filter, &prev_first, &prev_last);
  if (!sp_metrics_get_kpis (store, &filter, &agenda->previous_kpis, error))
    return FALSE;
  return fill_year (store, calendar, agenda, error);
}

static void
measure_free (gpointer data)
{
  SpAgendaMeasure *measure = data;

  g_free (measure->text);
  g_free (measure);
}

/* The goals and measures of the fiscal year's plan (the one without a team name first). */
static gboolean
fill_measures (SpStore          *store,
               int               fiscal_year,
               SpMeetingAgenda  *agenda,
               GError          **error)
{
  g_autoptr(GListModel) plans = sp_plan_list (store, error);
  g_autoptr(SpWorksheet) sheet = NULL;
  gint64 plan_id = 0;

  if (plans == NULL)
    return FALSE;
  agenda->measures = g_ptr_array_new_with_free_func (measure_free);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(SpPlan) plan = g_list_model_get_item (plans, i);
      const char *team = sp_plan_get_team (plan);

      if (sp_plan_get_fiscal_year (plan) != fiscal_year)
        continue;
      if (plan_id == 0 || team == NULL || team[0] == '\0')
        plan_id = sp_plan_get_id (plan);
      if (team == NULL || team[0] == '\0')
        break;
    }
  if (plan_id == 0)
    return TRUE;
  sheet = sp_worksheet_load (store, plan_id, error);
  if (sheet == NULL)
    return FALSE;
  for (guint i = 0; i < sp_worksheet_get_n_ogsmt (sheet); i++)
    {
      const SpOgsmtItem *item = sp_worksheet_get_ogsmt (sheet, i);
      SpAgendaMeasure *measure;

      if (item->kind != SP_OGSMT_GOAL && item->kind != SP_OGSMT_MEASURE)
        continue;
      measure = g_new0 (SpAgendaMeasure, 1);
      measure->kind = item->kind;
      measure->text = g_strdup (item->text);
      measure->has_target = item->has_target;
      measure->target_value = item->target_value;
      measure->deadline = item->deadline;
      measure->due = g_date_valid (&item->deadline)
                     && g_date_compare (&item->deadline, &agenda->last) <= 0;
      g_ptr_array_add (agenda->measures, measure);
    }
  return TRUE;
}

gboolean
sp_agenda_fill_review (SpStore          *store,
                       const SpCalendar *calendar,
                       SpMeetingAgenda  *agenda,
                       GError          **error)
{
  int year = sp_calendar_fiscal_year_of (calendar, &agenda->first);
  guint start = sp_calendar_fiscal_month_index (calendar, &agenda->first);
  guint end = sp_calendar_fiscal_month_index (calendar, &agenda->last);

  agenda->months = g_ptr_array_new_with_free_func (g_free);
  for (guint m = start; m <= end; m++)
    {
      SpAgendaPeriod *period = g_new0 (SpAgendaPeriod, 1);
      SpMetricsFilter filter;

      sp_calendar_month_range (calendar, year, m, &period->first, &period->last);
      g_ptr_array_add (agenda->months, period);
      sp_metrics_filter_init (&filter, &period->first, &period->last);
      if (!sp_metrics_get_attainment (store, &filter, SP_METRICS_ACTUAL_WORKLOG_REVENUE,
                                      &period->attainment, error))
        return FALSE;
    }

  /* Won per product, and the month cells of the product in the fiscal year's plans (the
   * periods are whole fiscal months, so the cells count whole). */
  agenda->products = query_counts (store,
                                   "WITH won AS (SELECT o.product_id AS id, count(*) AS n,"
                                   "   sum(o.amount) AS amount FROM opportunity o"
                                   "   JOIN pipeline_stage s ON s.id = o.stage_id"
                                   "   WHERE s.outcome = 'won' AND o.closed_on BETWEEN ?1 AND ?2"
                                   "   GROUP BY o.product_id),"
                                   " goal AS (SELECT c.member_id AS id, sum(c.amount) AS amount"
                                   "   FROM breakdown_cell c JOIN plan pl ON pl.id = c.plan_id"
                                   "   AND pl.team = ''"
                                   "   WHERE c.dimension = 'product' AND c.period_kind = 'month'"
                                   "   AND c.period_start BETWEEN ?1 AND ?2 GROUP BY c.member_id),"
                                   " ids AS (SELECT id FROM won UNION SELECT id FROM goal)"
                                   " SELECT coalesce(p.name, ''), coalesce(won.n, 0),"
                                   "  coalesce(won.amount, 0), coalesce(goal.amount, 0)"
                                   " FROM ids LEFT JOIN won ON won.id IS ids.id"
                                   " LEFT JOIN goal ON goal.id IS ids.id"
                                   " LEFT JOIN product p ON p.id = ids.id"
                                   " ORDER BY 3 DESC, 4 DESC, 1",
                                   agenda, error);
  if (agenda->products == NULL || !fill_measures (store, year, agenda, error))
    return FALSE;
  return fill_year (store, calendar, agenda, error);
}
