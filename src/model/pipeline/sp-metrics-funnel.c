/* sp-metrics-funnel.c — the opportunity funnel: open pipeline, stage and overall conversion,
 * the cohort funnel, days in stage, sales velocity and weighted forecast (definitions in sp-metrics.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-metrics"

#include "config.h"

#include <string.h>

#include "sp-metrics-private.h"
#include "sp-opportunity.h"

/* The funnel stages: open stages by position, then the won stages. Their rank k in this
 * order (all won stages share the last rank) is what the queries below compare. */
static const char stages_sql[] =
  "SELECT id, name, probability_pct, outcome = 'won' FROM pipeline_stage"
  " WHERE outcome <> 'lost' ORDER BY outcome = 'won', position, id";

#define RANKED_STAGES_CTE \
  "fs (id, k) AS (" \
  "  SELECT id, row_number() OVER (ORDER BY position, id) - 1" \
  "    FROM pipeline_stage WHERE outcome = 'open'" \
  "  UNION ALL" \
  "  SELECT id, (SELECT count(*) FROM pipeline_stage WHERE outcome = 'open')" \
  "    FROM pipeline_stage WHERE outcome = 'won')"

/* Open at the period's end, in the stage of that day, by stage and month of expected close.
 * amount × pct / 100 is rounded half up (amounts are never negative) without forming
 * amount × pct, which could overflow. MATERIALIZED: flattened into the join, the stage
 * subquery would run once for each place x.stage_id is used. */
static const char open_sql_head[] =
  "WITH x AS MATERIALIZED ("
  "  SELECT o.amount, o.expected_close,"
  "         coalesce((SELECT h.stage_id FROM opportunity_stage_history h"
  "                    WHERE h.opportunity_id = o.id AND h.entered_on <= :to"
  "                    ORDER BY h.entered_on DESC, h.id DESC LIMIT 1),"
  "                  o.stage_id) AS stage_id"
  "    FROM opportunity o"
  "   WHERE o.created_on <= :to AND (o.closed_on IS NULL OR o.closed_on > :to)";
static const char open_sql_tail[] =
  ")"
  " SELECT x.stage_id, substr(x.expected_close, 1, 7), count(*), sum(x.amount),"
  "        sum(x.amount / 100 * s.probability_pct"
  "            + (x.amount % 100 * s.probability_pct + 50) / 100)"
  "   FROM x JOIN pipeline_stage s ON s.id = x.stage_id AND s.outcome = 'open'"
  "  GROUP BY 1, 2";

/* Per opportunity: p, the furthest rank entered before the period; q, the furthest entered
 * by its end; m, the furthest ever. It reached every rank in p+1 … q during the period (the
 * date it reached rank k is the first entry at rank k or above, which only grows with k),
 * and went on beyond rank k if m > k. */
static const char reach_sql_head[] =
  "WITH " RANKED_STAGES_CTE ","
  " per AS (SELECT coalesce(max(fs.k) FILTER (WHERE h.entered_on < :from), -1) AS p,"
  "                coalesce(max(fs.k) FILTER (WHERE h.entered_on <= :to), -1) AS q,"
  "                max(fs.k) AS m"
  "           FROM opportunity_stage_history h JOIN fs ON fs.id = h.stage_id"
  "          WHERE 1";
static const char reach_sql_tail[] =
  "          GROUP BY h.opportunity_id)"
  " SELECT p, q, m, count(*) FROM per WHERE q > p GROUP BY p, q, m";

/* The cohort: per opportunity created in the period, m, the furthest rank it entered by the
 * period's end (its current stage's rank when it has no history at all; -1 for none), and
 * whether its stage on the period's last day is a lost stage. */
static const char cohort_sql_head[] =
  "WITH " RANKED_STAGES_CTE ","
  " co AS MATERIALIZED ("
  "  SELECT o.amount,"
  "         coalesce((SELECT max(fs.k) FROM opportunity_stage_history h"
  "                    JOIN fs ON fs.id = h.stage_id"
  "                   WHERE h.opportunity_id = o.id AND h.entered_on <= :to),"
  "                  (SELECT fs.k FROM fs WHERE fs.id = o.stage_id"
  "                     AND NOT EXISTS (SELECT 1 FROM opportunity_stage_history h"
  "                                      WHERE h.opportunity_id = o.id)),"
  "                  -1) AS m,"
  "         coalesce((SELECT h.stage_id FROM opportunity_stage_history h"
  "                    WHERE h.opportunity_id = o.id AND h.entered_on <= :to"
  "                    ORDER BY h.entered_on DESC, h.id DESC LIMIT 1),"
  "                  o.stage_id) AS sid"
  "    FROM opportunity o"
  "   WHERE o.created_on BETWEEN :from AND :to";
static const char cohort_sql_tail[] =
  ")"
  " SELECT co.m, coalesce(s.outcome = 'lost', 0), count(*), sum(co.amount)"
  "   FROM co LEFT JOIN pipeline_stage s ON s.id = co.sid"
  "  GROUP BY 1, 2";

/* A stay ends at the opportunity's next history row (by date, then row): for every row
 * dated in the period, the row before it is the stay that row ended. */
static const char stay_sql_head[] =
  "SELECT p.stage_id, count(*),"
  "       sum(CAST(julianday(h.entered_on) - julianday(p.entered_on) AS INTEGER))"
  "  FROM opportunity_stage_history h"
  "  JOIN opportunity_stage_history p"
  "    ON p.id = (SELECT b.id FROM opportunity_stage_history b"
  "                WHERE b.opportunity_id = h.opportunity_id"
  "                  AND b.entered_on <= h.entered_on"
  "                  AND (b.entered_on < h.entered_on OR b.id < h.id)"
  "                ORDER BY b.entered_on DESC, b.id DESC LIMIT 1)"
  " WHERE h.entered_on BETWEEN :from AND :to";
static const char stay_sql_tail[] =
  " GROUP BY p.stage_id";

void
sp_metrics_funnel_free (SpMetricsFunnel *funnel)
{
  if (funnel == NULL)
    return;

  for (guint i = 0; i < funnel->n_stages; i++)
    g_free (funnel->stages[i].name);
  g_free (funnel->stages);
  g_free (funnel->forecast);
  g_free (funnel);
}

SpMetricsAmount
sp_metrics_compute_velocity (gint64               open_count,
                             const SpMetricsKpis *kpis)
{
  SpMetricsAmount velocity = { 0, FALSE };
  SpMetricsWide num;

  g_return_val_if_fail (kpis != NULL, velocity);

  /* N × (won / (won + lost)) × (amount / won) / (days / won) */
  if (kpis->won > 0 && kpis->win_days > 0
      && !__builtin_mul_overflow ((SpMetricsWide) open_count * kpis->won, kpis->won_amount, &num))
    velocity.defined = sp_metrics_div_round (num, (SpMetricsWide) (kpis->won + kpis->lost)
                                                  * kpis->win_days,
                                             &velocity.value);
  if (!velocity.defined)
    velocity.value = 0;

  return velocity;
}

/* The funnel's rows, without figures; the won stages share the last row. */
static GArray *
load_stages (SpStore  *store,
             GError  **error)
{
  g_autoptr(GArray) stages = g_array_new (FALSE, TRUE, sizeof (SpMetricsStage));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store), stages_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpMetricsStage stage = { 0, };

      stage.won = sqlite3_column_int (stmt, 3);
      if (stage.won && stages->len > 0
          && g_array_index (stages, SpMetricsStage, stages->len - 1).won)
        continue;
      stage.stage_id = sqlite3_column_int64 (stmt, 0);
      stage.name = g_strdup (sp_pipeline_stage_display_name (
          (const char *) sqlite3_column_text (stmt, 1)));
      stage.probability_pct = sqlite3_column_int (stmt, 2);
      g_array_append_val (stages, stage);
    }
  if (!sp_metrics_finish (store, rc, error))
    {
      for (guint i = 0; i < stages->len; i++)
        g_free (g_array_index (stages, SpMetricsStage, i).name);
      return NULL;
    }

  return g_steal_pointer (&stages);
}

/* The row of @stage_id; the won row for any won stage; -1 for a lost or unknown one. */
static int
row_of_stage (SpStore         *store,
              SpMetricsFunnel *funnel,
              gint64           stage_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (guint i = 0; i < funnel->n_stages; i++)
    if (funnel->stages[i].stage_id == stage_id)
      return (int) i;

  if (funnel->n_stages == 0 || !funnel->stages[funnel->n_stages - 1].won)
    return -1;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT 1 FROM pipeline_stage WHERE id = ? AND outcome = 'won'", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, stage_id);

  return sqlite3_step (stmt) == SQLITE_ROW ? (int) funnel->n_stages - 1 : -1;
}

static int
compare_forecast (gconstpointer a,
                  gconstpointer b)
{
  const SpMetricsForecastMonth *x = a, *y = b;
  int kx = x->year * 12 + x->month, ky = y->year * 12 + y->month;

  return (kx > ky) - (kx < ky);
}

static gboolean
read_open (SpStore               *store,
           const SpMetricsFilter *filter,
           SpMetricsFunnel       *funnel,
           GError               **error)
{
  g_autoptr(GArray) forecast = g_array_new (FALSE, TRUE, sizeof (SpMetricsForecastMonth));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = sp_metrics_filter_sql (filter, "o.rep_id");
  g_autofree char *sql = g_strconcat (open_sql_head, where, open_sql_tail, NULL);
  int rc;

  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = row_of_stage (store, funnel, sqlite3_column_int64 (stmt, 0));
      const char *month = (const char *) sqlite3_column_text (stmt, 1);
      gint64 count = sqlite3_column_int64 (stmt, 2);
      gint64 amount = sqlite3_column_int64 (stmt, 3);
      gint64 weighted = sqlite3_column_int64 (stmt, 4);
      SpMetricsForecastMonth key = { 0, };
      SpMetricsForecastMonth *slot = NULL;

      if (row >= 0)
        {
          funnel->stages[row].open_count += count;
          funnel->stages[row].open_amount += amount;
          funnel->stages[row].weighted_amount += weighted;
        }
      funnel->open_count += count;
      funnel->open_amount += amount;
      funnel->weighted_amount += weighted;

      if (month != NULL && strlen (month) == 7)
        {
          key.year = (int) g_ascii_strtoll (month, NULL, 10);
          key.month = (int) g_ascii_strtoll (month + 5, NULL, 10);
        }
      for (guint i = 0; i < forecast->len && slot == NULL; i++)
        if (compare_forecast (&g_array_index (forecast, SpMetricsForecastMonth, i), &key) == 0)
          slot = &g_array_index (forecast, SpMetricsForecastMonth, i);
      if (slot == NULL)
        {
          g_array_append_val (forecast, key);
          slot = &g_array_index (forecast, SpMetricsForecastMonth, forecast->len - 1);
        }
      slot->count += count;
      slot->amount += amount;
      slot->weighted += weighted;
    }
  if (!sp_metrics_finish (store, rc, error))
    return FALSE;

  g_array_sort (forecast, compare_forecast);
  funnel->n_forecast = forecast->len;
  funnel->forecast = (SpMetricsForecastMonth *) g_array_free (g_steal_pointer (&forecast), FALSE);

  return TRUE;
}

static gboolean
read_reach (SpStore               *store,
            const SpMetricsFilter *filter,
            SpMetricsFunnel       *funnel,
            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = sp_metrics_opportunity_filter_sql (filter, "h.opportunity_id");
  g_autofree char *sql = g_strconcat (reach_sql_head, where, reach_sql_tail, NULL);
  g_autofree gint64 *advanced = g_new0 (gint64, funnel->n_stages + 1);
  gboolean has_won = funnel->n_stages > 0 && funnel->stages[funnel->n_stages - 1].won;
  gint64 won_rank = has_won ? (gint64) funnel->n_stages - 1 : -1;
  int rc;

  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 p = sqlite3_column_int64 (stmt, 0);
      gint64 q = sqlite3_column_int64 (stmt, 1);
      gint64 m = sqlite3_column_int64 (stmt, 2);
      gint64 n = sqlite3_column_int64 (stmt, 3);

      for (gint64 k = MAX (p + 1, 0); k <= q && k < (gint64) funnel->n_stages; k++)
        {
          funnel->stages[k].reached += n;
          if (m > k)
            advanced[k] += n;
        }
      if (p < 0 && q >= 0)
        {
          funnel->reached_first += n;
          if (m == won_rank)
            funnel->won_of_first += n;
        }
    }
  if (!sp_metrics_finish (store, rc, error))
    return FALSE;

  for (guint k = 0; k < funnel->n_stages; k++)
    funnel->stages[k].conversion = funnel->stages[k].won
      ? sp_metrics_make_rate (0, 0)
      : sp_metrics_make_rate (advanced[k], funnel->stages[k].reached);
  funnel->overall_conversion = sp_metrics_make_rate (funnel->won_of_first,
                                                     funnel->reached_first);

  return TRUE;
}

static gboolean
read_cohort (SpStore               *store,
             const SpMetricsFilter *filter,
             SpMetricsFunnel       *funnel,
             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = sp_metrics_filter_sql (filter, "o.rep_id");
  g_autofree char *sql = g_strconcat (cohort_sql_head, where, cohort_sql_tail, NULL);
  gboolean has_won = funnel->n_stages > 0 && funnel->stages[funnel->n_stages - 1].won;
  int rc;

  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 m = sqlite3_column_int64 (stmt, 0);
      gboolean lost = sqlite3_column_int (stmt, 1) != 0;
      gint64 n = sqlite3_column_int64 (stmt, 2);
      gint64 amount = sqlite3_column_int64 (stmt, 3);

      funnel->cohort_size += n;
      funnel->cohort_size_amount += amount;
      if (lost)
        {
          funnel->cohort_lost += n;
          funnel->cohort_lost_amount += amount;
        }
      /* Reached every rank up to m. */
      for (gint64 k = 0; k <= m && k < (gint64) funnel->n_stages; k++)
        {
          funnel->stages[k].cohort_count += n;
          funnel->stages[k].cohort_amount += amount;
        }
    }
  if (!sp_metrics_finish (store, rc, error))
    return FALSE;

  for (guint k = 0; k < funnel->n_stages; k++)
    funnel->stages[k].cohort_conversion = k + 1 < funnel->n_stages
      ? sp_metrics_make_rate (funnel->stages[k + 1].cohort_count, funnel->stages[k].cohort_count)
      : sp_metrics_make_rate (0, 0);
  funnel->cohort_overall = sp_metrics_make_rate (
      has_won ? funnel->stages[funnel->n_stages - 1].cohort_count : 0,
      funnel->n_stages > 0 ? funnel->stages[0].cohort_count : 0);

  return TRUE;
}

static gboolean
read_stays (SpStore               *store,
            const SpMetricsFilter *filter,
            SpMetricsFunnel       *funnel,
            GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = sp_metrics_opportunity_filter_sql (filter, "h.opportunity_id");
  g_autofree char *sql = g_strconcat (stay_sql_head, where, stay_sql_tail, NULL);
  g_autofree gint64 *stays = g_new0 (gint64, funnel->n_stages + 1);
  g_autofree gint64 *days = g_new0 (gint64, funnel->n_stages + 1);
  int rc;

  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int row = row_of_stage (store, funnel, sqlite3_column_int64 (stmt, 0));

      if (row < 0)
        continue;
      stays[row] += sqlite3_column_int64 (stmt, 1);
      days[row] += sqlite3_column_int64 (stmt, 2);
    }
  if (!sp_metrics_finish (store, rc, error))
    return FALSE;

  for (guint k = 0; k < funnel->n_stages; k++)
    funnel->stages[k].days_in_stage = sp_metrics_make_rate (days[k], stays[k]);

  return TRUE;
}

SpMetricsFunnel *
sp_metrics_get_funnel (SpStore                *store,
                       const SpMetricsFilter  *filter,
                       const SpMetricsKpis    *kpis,
                       GError                **error)
{
  g_autoptr(SpMetricsFunnel) funnel = NULL;
  g_autoptr(GArray) stages = NULL;
  SpMetricsKpis own;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!sp_metrics_check_filter (filter, error))
    return NULL;

  if (kpis == NULL)
    {
      if (!sp_metrics_get_kpis (store, filter, &own, error))
        return NULL;
      kpis = &own;
    }

  stages = load_stages (store, error);
  if (stages == NULL)
    return NULL;

  funnel = g_new0 (SpMetricsFunnel, 1);
  funnel->n_stages = stages->len;
  funnel->stages = (SpMetricsStage *) g_array_free (g_steal_pointer (&stages), FALSE);

  if (!read_open (store, filter, funnel, error)
      || !read_reach (store, filter, funnel, error)
      || !read_cohort (store, filter, funnel, error)
      || !read_stays (store, filter, funnel, error))
    return NULL;

  funnel->sales_velocity = sp_metrics_compute_velocity (funnel->open_count, kpis);

  return g_steal_pointer (&funnel);
}
