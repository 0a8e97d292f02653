/* sp-metrics-series.c — the dashboard’s series: revenue per day, week or month (burn-up) and per region and month (heatmap)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-metrics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar.h"
#include "sp-metrics-private.h"

/* The revenue series */

static const char series_sql[] =
  "SELECT w.day, sum(w.revenue) FROM worklog_entry w"
  " WHERE w.day BETWEEN :from AND :to";

/* Index of the bucket holding @date; the first bucket starts at @first. */
static guint
bucket_of (SpMetricsStep  step,
           const GDate   *first,
           const GDate   *date)
{
  switch (step)
    {
    case SP_METRICS_STEP_DAY:
      return g_date_get_julian (date) - g_date_get_julian (first);
    case SP_METRICS_STEP_WEEK:
      return (g_date_get_julian (date) - g_date_get_julian (first)) / 7;
    case SP_METRICS_STEP_MONTH:
    default:
      return (g_date_get_year (date) - g_date_get_year (first)) * 12
             + g_date_get_month (date) - g_date_get_month (first);
    }
}

GArray *
sp_metrics_get_revenue_series (SpStore                *store,
                               const SpMetricsFilter  *filter,
                               SpMetricsStep           step,
                               GError                **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (SpMetricsPoint));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  GDate first = filter->from;
  gint64 running = 0;
  guint n;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (step <= SP_METRICS_STEP_MONTH, NULL);

  if (!sp_metrics_check_filter (filter, error))
    return NULL;

  if (step == SP_METRICS_STEP_WEEK)
    {
      g_autoptr(SpCalendar) calendar = sp_metrics_workspace_calendar (store);

      sp_calendar_week_start_of (calendar, &filter->from, &first);
    }
  else if (step == SP_METRICS_STEP_MONTH)
    g_date_set_day (&first, 1);

  n = bucket_of (step, &first, &filter->to) + 1;
  g_array_set_size (points, n);
  for (guint i = 0; i < n; i++)
    {
      SpMetricsPoint *point = &g_array_index (points, SpMetricsPoint, i);

      point->start = first;
      if (step == SP_METRICS_STEP_DAY)
        g_date_add_days (&point->start, i);
      else if (step == SP_METRICS_STEP_WEEK)
        g_date_add_days (&point->start, 7 * i);
      else
        g_date_add_months (&point->start, i);
    }

  where = sp_metrics_filter_sql (filter, "w.rep_id");
  sql = g_strconcat (series_sql, where, " GROUP BY w.day", NULL);
  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate day;
      guint i;

      if (!sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 0), &day))
        continue;
      i = bucket_of (step, &first, &day);
      g_assert (i < n);
      g_array_index (points, SpMetricsPoint, i).value += sqlite3_column_int64 (stmt, 1);
    }
  if (!sp_metrics_finish (store, rc, error))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      SpMetricsPoint *point = &g_array_index (points, SpMetricsPoint, i);

      running += point->value;
      point->cumulative = running;
    }

  return g_steal_pointer (&points);
}

/* The region × month heatmap */

typedef struct
{
  gint64 region_id;
  gint64 month;       /* year × 12 + month − 1 */
  gint64 revenue;
} HeatCell;

static const char heatmap_sql[] =
  "SELECT coalesce(r.region_id, 0), substr(w.day, 1, 7), sum(w.revenue)"
  "  FROM worklog_entry w JOIN rep r ON r.id = w.rep_id"
  " WHERE w.day BETWEEN :from AND :to";

void
sp_metrics_heatmap_free (SpMetricsHeatmap *heatmap)
{
  if (heatmap == NULL)
    return;

  g_free (heatmap->region_ids);
  g_strfreev (heatmap->region_names);
  g_free (heatmap->months);
  g_free (heatmap->values);
  g_free (heatmap);
}

SpMetricsHeatmap *
sp_metrics_get_region_heatmap (SpStore                *store,
                               const SpMetricsFilter  *filter,
                               GError                **error)
{
  g_autoptr(SpMetricsHeatmap) heatmap = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (HeatCell));
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  GDate first = filter->from;
  gboolean unassigned = FALSE;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!sp_metrics_check_filter (filter, error))
    return NULL;

  /* The rows: the regions the filter allows, then reps without a region. */
  sql = g_strconcat ("SELECT g.id, g.name FROM region g WHERE 1",
                     filter->region_id != 0 ? " AND g.id = :region" : "",
                     filter->rep_id != 0
                     ? " AND g.id IN (SELECT region_id FROM rep WHERE id = :rep)" : "",
                     " ORDER BY g.position, g.name, g.id", NULL);
  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!sp_metrics_finish (store, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&sql, g_free);

  where = sp_metrics_filter_sql (filter, "w.rep_id");
  sql = g_strconcat (heatmap_sql, where, " GROUP BY 1, 2", NULL);
  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *) sqlite3_column_text (stmt, 1);
      HeatCell cell = {
        sqlite3_column_int64 (stmt, 0),
        g_ascii_strtoll (month, NULL, 10) * 12 + g_ascii_strtoll (month + 5, NULL, 10) - 1,
        sqlite3_column_int64 (stmt, 2),
      };

      unassigned |= cell.region_id == 0;
      g_array_append_val (cells, cell);
    }
  if (!sp_metrics_finish (store, rc, error))
    return NULL;

  if (unassigned && filter->region_id == 0)
    {
      gint64 zero = 0;

      g_array_append_val (ids, zero);
      g_ptr_array_add (names, g_strdup (_("No region")));
    }

  heatmap = g_new0 (SpMetricsHeatmap, 1);
  heatmap->n_regions = ids->len;
  heatmap->region_ids = (gint64 *) g_array_free (g_steal_pointer (&ids), FALSE);
  heatmap->region_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  g_date_set_day (&first, 1);
  heatmap->n_months = bucket_of (SP_METRICS_STEP_MONTH, &first, &filter->to) + 1;
  heatmap->months = g_new (GDate, heatmap->n_months);
  for (guint i = 0; i < heatmap->n_months; i++)
    {
      heatmap->months[i] = first;
      g_date_add_months (&heatmap->months[i], i);
    }

  heatmap->values = g_new0 (gint64, (gsize) heatmap->n_regions * heatmap->n_months);
  for (guint i = 0; i < cells->len; i++)
    {
      const HeatCell *cell = &g_array_index (cells, HeatCell, i);
      gint64 month = cell->month - ((gint64) g_date_get_year (&first) * 12
                                    + g_date_get_month (&first) - 1);

      for (guint r = 0; r < heatmap->n_regions; r++)
        if (heatmap->region_ids[r] == cell->region_id && month >= 0 && month < heatmap->n_months)
          heatmap->values[r * heatmap->n_months + month] += cell->revenue;
    }
  for (gsize i = 0; i < (gsize) heatmap->n_regions * heatmap->n_months; i++)
    heatmap->max = MAX (heatmap->max, heatmap->values[i]);

  return g_steal_pointer (&heatmap);
}
