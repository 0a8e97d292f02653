/* sp-metrics.c — the key success factors, attainment, the activity funnel and the
 * dashboard's series as exact SQL aggregations (definitions in sp-metrics.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-calendar.h"
#include "sp-metrics-private.h"
#include "sp-money.h"
#include "sp-preferences.h"

G_DEFINE_QUARK (sp-metrics-error-quark, sp_metrics_error)

typedef struct
{
  const char *name;
  const char *definition;
  const char *undefined;   /* NULL: never undefined */
} MetricText;

/* The definitions restate sp-metrics.h in one sentence each; the threshold below is in one
 * of them. */
G_STATIC_ASSERT (SP_METRICS_EFFECTIVE_PROBABILITY_PCT == 25);

static const MetricText metric_texts[SP_METRIC_N_KINDS] = {
  [SP_METRIC_EFFECTIVE_LEADS] = {
    N_("Effective leads"),
    N_("Opportunities created in the period, except those closed as lost on the day they "
       "were created."),
    NULL,
  },
  [SP_METRIC_EFFECTIVE_OPPORTUNITIES] = {
    N_("Effective opportunities"),
    N_("Opportunities created in the period that reached, by the end of the period, a won "
       "stage or a stage with a win probability of at least 25%."),
    NULL,
  },
  [SP_METRIC_WIN_RATE] = {
    N_("Win rate"),
    N_("Deals won divided by deals closed, won or lost, in the period."),
    N_("No deals closed in this period"),
  },
  [SP_METRIC_WIN_CYCLE] = {
    N_("Win cycle"),
    N_("Average number of days from creation to close of the deals won in the period."),
    N_("No deals won in this period"),
  },
  [SP_METRIC_AVERAGE_DEAL_SIZE] = {
    N_("Average deal size"),
    N_("Total amount of the deals won in the period divided by their number."),
    N_("No deals won in this period"),
  },
  [SP_METRIC_COLLECTION_RATE] = {
    N_("Collection rate"),
    N_("Amount collected divided by amount invoiced for the deals won in the period."),
    N_("Nothing invoiced for the deals won in this period"),
  },
  [SP_METRIC_ATTAINMENT] = {
    N_("Attainment"),
    N_("Revenue recorded in the work log in the period divided by the period’s target."),
    N_("No target for this period"),
  },
  [SP_METRIC_ATTAINMENT_WON] = {
    N_("Attainment (won deals)"),
    N_("Amount of the deals won in the period divided by the period’s target."),
    N_("No target for this period"),
  },
  [SP_METRIC_OPEN_PIPELINE] = {
    N_("Open pipeline"),
    N_("Number and amount of the opportunities still open at the end of the period, by the "
       "stage they were in on that day."),
    NULL,
  },
  [SP_METRIC_STAGE_CONVERSION] = {
    N_("Stage conversion"),
    N_("Of the opportunities created in the period that reached a stage by its end, the share "
       "that also reached the next stage (the Funnel view’s cohort)."),
    N_("No opportunity created in the period reached this stage"),
  },
  [SP_METRIC_OVERALL_CONVERSION] = {
    N_("Overall conversion"),
    N_("Of the opportunities created in the period, the share won by the period’s end (the "
       "Funnel view’s cohort)."),
    N_("No opportunity was created in this period"),
  },
  [SP_METRIC_DAYS_IN_STAGE] = {
    N_("Days in stage"),
    N_("Average number of days opportunities stayed in a stage, over the stays that ended "
       "in the period."),
    N_("No opportunity left this stage in the period"),
  },
  [SP_METRIC_SALES_VELOCITY] = {
    N_("Sales velocity"),
    N_("Open opportunities × win rate × average deal size ÷ win cycle in days: the amount "
       "the pipeline brings in per day."),
    N_("Needs deals won in the period and a win cycle of at least one day"),
  },
  [SP_METRIC_WEIGHTED_FORECAST] = {
    N_("Weighted forecast"),
    N_("Amount of each open opportunity times the win probability of its stage, added up "
       "by expected close month."),
    NULL,
  },
  [SP_METRIC_ACTIVITY_FUNNEL] = {
    N_("Activity funnel"),
    N_("Totals of the five core sales activities recorded in the work log in the period, "
       "and the ratio of each to the one before."),
    N_("The activity before this one was not recorded in this period"),
  },
  [SP_METRIC_REVENUE_SERIES] = {
    N_("Revenue to date"),
    N_("Revenue recorded in the work log per day, week or month of the period, added up "
       "from the first day of the period."),
    NULL,
  },
  [SP_METRIC_RANKING] = {
    N_("Ranking"),
    N_("Reps ordered by their revenue or by their attainment in the period."),
    NULL,
  },
  [SP_METRIC_REGION_HEATMAP] = {
    N_("Revenue by region and month"),
    N_("Revenue recorded in the work log per region and calendar month of the period."),
    NULL,
  },
};

const char *
sp_metric_get_name (SpMetricKind kind)
{
  g_return_val_if_fail ((guint) kind < SP_METRIC_N_KINDS, NULL);

  return _(metric_texts[kind].name);
}

const char *
sp_metric_get_definition (SpMetricKind kind)
{
  g_return_val_if_fail ((guint) kind < SP_METRIC_N_KINDS, NULL);

  return _(metric_texts[kind].definition);
}

const char *
sp_metric_get_undefined_reason (SpMetricKind kind)
{
  g_return_val_if_fail ((guint) kind < SP_METRIC_N_KINDS, NULL);

  return metric_texts[kind].undefined ? _(metric_texts[kind].undefined) : NULL;
}

double
sp_metrics_rate_to_double (SpRate rate)
{
  return rate.den == 0 ? NAN : (double) rate.num / (double) rate.den;
}

SpRate
sp_metrics_make_rate (gint64 num,
                      gint64 den)
{
  SpRate rate = { den != 0 ? num : 0, den };

  return rate;
}

gboolean
sp_metrics_div_round (SpMetricsWide  num,
                      SpMetricsWide  den,
                      gint64        *out)
{
  SpMetricsWide q;
  gboolean negative;

  if (den == 0)
    return FALSE;

  negative = (num < 0) != (den < 0);
  if (num < 0)
    num = -num;
  if (den < 0)
    den = -den;
  q = num / den;
  if (2 * (num % den) >= den)
    q++;
  if (q > G_MAXINT64)
    return FALSE;

  *out = negative ? -(gint64) q : (gint64) q;
  return TRUE;
}

/* Filters */

void
sp_metrics_filter_init (SpMetricsFilter *filter,
                        const GDate     *from,
                        const GDate     *to)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (from != NULL && to != NULL);

  filter->from = *from;
  filter->to = *to;
  filter->rep_id = 0;
  filter->region_id = 0;
}

gboolean
sp_metrics_filter_init_iso (SpMetricsFilter  *filter,
                            const char       *from,
                            const char       *to,
                            GError          **error)
{
  GDate first, last;

  g_return_val_if_fail (filter != NULL, FALSE);

  if (from == NULL || !sp_date_parse_iso (from, &first))
    {
      g_set_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID,
                   _("“%s” is not a date: use the form YYYY-MM-DD"), from ? from : "");
      return FALSE;
    }
  if (to == NULL || !sp_date_parse_iso (to, &last))
    {
      g_set_error (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID,
                   _("“%s” is not a date: use the form YYYY-MM-DD"), to ? to : "");
      return FALSE;
    }

  sp_metrics_filter_init (filter, &first, &last);
  return sp_metrics_check_filter (filter, error);
}

gboolean
sp_metrics_check_filter (const SpMetricsFilter  *filter,
                         GError                **error)
{
  if (!g_date_valid (&filter->from) || !g_date_valid (&filter->to))
    {
      g_set_error_literal (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID,
                           _("The period needs a first and a last day"));
      return FALSE;
    }
  if (g_date_compare (&filter->from, &filter->to) > 0)
    {
      g_set_error_literal (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID,
                           _("The period ends before it starts: choose a last day on or "
                             "after the first day"));
      return FALSE;
    }
  if (filter->rep_id < 0 || filter->region_id < 0)
    {
      g_set_error_literal (error, SP_METRICS_ERROR, SP_METRICS_ERROR_INVALID,
                           _("There is no such rep or region"));
      return FALSE;
    }

  return TRUE;
}

char *
sp_metrics_filter_sql (const SpMetricsFilter *filter,
                       const char            *rep_column)
{
  return g_strconcat (filter->rep_id != 0 ? " AND " : "",
                      filter->rep_id != 0 ? rep_column : "",
                      filter->rep_id != 0 ? " = :rep" : "",
                      filter->region_id != 0 ? " AND " : "",
                      filter->region_id != 0 ? rep_column : "",
                      filter->region_id != 0
                      ? " IN (SELECT id FROM rep WHERE region_id = :region)" : "",
                      NULL);
}

char *
sp_metrics_opportunity_filter_sql (const SpMetricsFilter *filter,
                                   const char            *id_column)
{
  g_autofree char *reps = NULL;

  if (filter->rep_id == 0 && filter->region_id == 0)
    return g_strdup ("");

  reps = sp_metrics_filter_sql (filter, "rep_id");
  return g_strconcat (" AND ", id_column, " IN (SELECT id FROM opportunity WHERE 1", reps, ")",
                      NULL);
}

static void
bind_date (sqlite3_stmt *stmt,
           const char   *name,
           const GDate  *date)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, sp_date_format_iso (date), -1, g_free);
}

static void
bind_id (sqlite3_stmt *stmt,
         const char   *name,
         gint64        id)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, id);
}

sqlite3_stmt *
sp_metrics_prepare (SpStore               *store,
                    const SpMetricsFilter *filter,
                    const char            *sql,
                    GError               **error)
{
  sqlite3_stmt *stmt = sp_sql_prepare (sp_store_get_db (store), sql, error);
  int index;

  if (stmt == NULL)
    return NULL;

  bind_date (stmt, ":from", &filter->from);
  bind_date (stmt, ":to", &filter->to);
  index = sqlite3_bind_parameter_index (stmt, ":today");
  if (index > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      sqlite3_bind_text (stmt, index, g_date_time_format (now, "%Y-%m-%d"), -1, g_free);
    }
  bind_id (stmt, ":rep", filter->rep_id);
  bind_id (stmt, ":region", filter->region_id);

  return stmt;
}

gboolean
sp_metrics_finish (SpStore  *store,
                   int       rc,
                   GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;

  return sp_store_set_sql_error (store, error, _("Could not compute the figures"));
}

gboolean
sp_metrics_query_row (SpStore               *store,
                      const SpMetricsFilter *filter,
                      const char            *sql,
                      gint64                *values,
                      guint                  n,
                      GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = sp_metrics_prepare (store, filter, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < n; i++)
        values[i] = sqlite3_column_int64 (stmt, (int) i);
      rc = sqlite3_step (stmt);
    }

  return sp_metrics_finish (store, rc, error);
}

SpCalendar *
sp_metrics_workspace_calendar (SpStore *store)
{
  g_autoptr(SpPreferences) preferences = sp_preferences_new (store);
  SpCalendar *calendar = sp_calendar_new (sp_preferences_get_fiscal_start_month (preferences));

  sp_calendar_set_week_start (calendar, sp_preferences_get_week_start (preferences));
  return calendar;
}

/* The six key success factors */

static const char kpi_sql[] =
  "SELECT count(*) FILTER (WHERE o.created_on BETWEEN :from AND :to"
  "                          AND NOT (s.outcome = 'lost' AND o.closed_on IS o.created_on)),"
  "       count(*) FILTER (WHERE o.created_on BETWEEN :from AND :to"
  "                          AND EXISTS (SELECT 1 FROM opportunity_stage_history h"
  "                                       WHERE h.opportunity_id = o.id"
  "                                         AND h.entered_on <= :to"
  "                                         AND h.stage_id IN (SELECT id FROM pipeline_stage"
  "                                               WHERE outcome = 'won' OR (outcome = 'open'"
  "                                                 AND probability_pct >= "
  G_STRINGIFY (SP_METRICS_EFFECTIVE_PROBABILITY_PCT) ")))),"
  "       count(*) FILTER (WHERE " SP_METRICS_WON_IN_PERIOD "),"
  "       count(*) FILTER (WHERE s.outcome = 'lost' AND o.closed_on BETWEEN :from AND :to),"
  "       coalesce(sum(CAST(julianday(o.closed_on) - julianday(o.created_on) AS INTEGER))"
  "                FILTER (WHERE " SP_METRICS_WON_IN_PERIOD "), 0),"
  "       coalesce(sum(o.amount) FILTER (WHERE " SP_METRICS_WON_IN_PERIOD "), 0),"
  "       coalesce(sum(o.invoiced) FILTER (WHERE " SP_METRICS_WON_IN_PERIOD "), 0),"
  "       coalesce(sum(o.collected) FILTER (WHERE " SP_METRICS_WON_IN_PERIOD "), 0)"
  "  FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
  " WHERE (o.created_on BETWEEN :from AND :to OR o.closed_on BETWEEN :from AND :to)";

gboolean
sp_metrics_get_kpis (SpStore                *store,
                     const SpMetricsFilter  *filter,
                     SpMetricsKpis          *out,
                     GError                **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gint64 v[8];

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && out != NULL, FALSE);

  if (!sp_metrics_check_filter (filter, error))
    return FALSE;

  where = sp_metrics_filter_sql (filter, "o.rep_id");
  sql = g_strconcat (kpi_sql, where, NULL);
  if (!sp_metrics_query_row (store, filter, sql, v, G_N_ELEMENTS (v), error))
    return FALSE;

  out->effective_leads = v[0];
  out->effective_opportunities = v[1];
  out->won = v[2];
  out->lost = v[3];
  out->win_rate = sp_metrics_make_rate (v[2], v[2] + v[3]);
  out->win_days = v[4];
  out->win_cycle = sp_metrics_make_rate (v[4], v[2]);
  out->won_amount = v[5];
  out->average_deal_size.defined = v[2] > 0;
  out->average_deal_size.value = v[2] > 0 ? sp_money_scale (v[5], 1, v[2]) : 0;
  out->invoiced = v[6];
  out->collected = v[7];
  out->collection_rate = sp_metrics_make_rate (v[7], v[6]);

  return TRUE;
}

/* The activity funnel */

static const char activity_sql[] =
  "SELECT coalesce(sum(w.prospects), 0), coalesce(sum(w.appointments), 0),"
  "       coalesce(sum(w.presentations), 0), coalesce(sum(w.objections), 0),"
  "       coalesce(sum(w.closes), 0), coalesce(sum(w.orders), 0),"
  "       coalesce(sum(w.revenue), 0)"
  "  FROM worklog_entry w"
  " WHERE w.day BETWEEN :from AND :to";

gboolean
sp_metrics_get_activity (SpStore                *store,
                         const SpMetricsFilter  *filter,
                         SpMetricsActivity      *out,
                         GError                **error)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gint64 v[SP_WORKLOAD_N_STAGES + 2];

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && out != NULL, FALSE);

  if (!sp_metrics_check_filter (filter, error))
    return FALSE;

  where = sp_metrics_filter_sql (filter, "w.rep_id");
  sql = g_strconcat (activity_sql, where, NULL);
  if (!sp_metrics_query_row (store, filter, sql, v, G_N_ELEMENTS (v), error))
    return FALSE;

  for (guint i = 0; i < SP_WORKLOAD_N_STAGES; i++)
    out->sums[i] = v[i];
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    out->rates[i] = sp_metrics_make_rate (v[i + 1], v[i]);
  out->orders = v[SP_WORKLOAD_N_STAGES];
  out->revenue = v[SP_WORKLOAD_N_STAGES + 1];

  return TRUE;
}
