/* sp-metrics-attainment.c — attainment against the plan’s targets and the reps’ ranking (战报)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-metrics"

#include "config.h"

#include "sp-calendar.h"
#include "sp-metrics-private.h"
#include "sp-money.h"

/* Targets */

/* Days of [a_first, a_last] ∩ [b_first, b_last], as Julian day numbers. */
static guint32
overlap_days (guint32 a_first,
              guint32 a_last,
              guint32 b_first,
              guint32 b_last)
{
  guint32 first = MAX (a_first, b_first);
  guint32 last = MIN (a_last, b_last);

  return last >= first ? last - first + 1 : 0;
}

typedef struct
{
  gint64   months;      /* pro-rated month cells */
  gboolean has_months;
  gint64   year;        /* the year cell */
  gboolean has_year;
} CellSums;

/* Adds one plan's cells of @dimension (one @member, or every member when @member < 0) to
 * @sums (member → CellSums). */
static gboolean
read_cells (SpStore     *store,
            gint64       plan_id,
            const char  *dimension,
            gint64       member,
            guint32      from_jd,
            guint32      to_jd,
            GHashTable  *sums,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT member_id, period_kind = 'month', period_start, amount"
                         "  FROM breakdown_cell"
                         " WHERE plan_id = ?1 AND dimension = ?2"
                         "   AND period_kind IN ('month', 'year')"
                         "   AND (?3 < 0 OR member_id = ?3)",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, dimension, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, member);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 3);
      CellSums *cell = g_hash_table_lookup (sums, &id);
      GDate start;

      if (cell == NULL)
        {
          gint64 *key = g_memdup2 (&id, sizeof id);

          cell = g_new0 (CellSums, 1);
          g_hash_table_insert (sums, key, cell);
        }

      if (sqlite3_column_int (stmt, 1))
        {
          guint32 first, days;

          if (!sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &start))
            continue;
          first = g_date_get_julian (&start);
          days = g_date_get_days_in_month (g_date_get_month (&start), g_date_get_year (&start));
          first -= g_date_get_day (&start) - 1;
          cell->has_months = TRUE;
          cell->months += sp_money_scale (amount, overlap_days (first, first + days - 1,
                                                                from_jd, to_jd), days);
        }
      else
        {
          cell->has_year = TRUE;
          cell->year += amount;
        }
    }

  return sp_metrics_finish (store, rc, error);
}

/* The period's target of @dimension's member @member (every member when < 0), summed over
 * the plans of the fiscal years the period touches: member id → gint64 in @targets. */
static gboolean
collect_targets (SpStore                *store,
                 const SpMetricsFilter  *filter,
                 const char             *dimension,
                 gint64                  member,
                 GHashTable             *targets,
                 GError                **error)
{
  g_autoptr(SpCalendar) calendar = sp_metrics_workspace_calendar (store);
  g_autoptr(sqlite3_stmt) plans = NULL;
  guint32 from_jd = g_date_get_julian (&filter->from);
  guint32 to_jd = g_date_get_julian (&filter->to);
  int first_year = sp_calendar_fiscal_year_of (calendar, &filter->from);
  int last_year = sp_calendar_fiscal_year_of (calendar, &filter->to);
  gboolean team = g_str_equal (dimension, "team");

  plans = sp_sql_prepare (sp_store_get_db (store),
                          "SELECT id, target FROM plan WHERE fiscal_year = ? ORDER BY id", error);
  if (plans == NULL)
    return FALSE;

  for (int year = first_year; year <= last_year; year++)
    {
      GDate year_first, year_last;
      guint32 year_days, inside;
      int rc;

      sp_calendar_fiscal_year_range (calendar, year, &year_first, &year_last);
      year_days = g_date_get_julian (&year_last) - g_date_get_julian (&year_first) + 1;
      inside = overlap_days (g_date_get_julian (&year_first), g_date_get_julian (&year_last),
                             from_jd, to_jd);

      sqlite3_reset (plans);
      sqlite3_bind_int (plans, 1, year);
      while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
        {
          g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, g_free);
          gint64 plan_id = sqlite3_column_int64 (plans, 0);
          gint64 plan_target = sqlite3_column_int64 (plans, 1);
          GHashTableIter iter;
          gpointer key, value;

          if (!read_cells (store, plan_id, dimension, member, from_jd, to_jd, sums, error))
            return FALSE;

          if (team && g_hash_table_size (sums) == 0)
            {
              CellSums *cell = g_new0 (CellSums, 1);
              gint64 zero = 0;

              cell->has_year = TRUE;
              cell->year = plan_target;
              g_hash_table_insert (sums, g_memdup2 (&zero, sizeof zero), cell);
            }

          g_hash_table_iter_init (&iter, sums);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              const CellSums *cell = value;
              gint64 *total = g_hash_table_lookup (targets, key);
              gint64 add = cell->has_months
                ? cell->months : sp_money_scale (cell->year, inside, year_days);

              if (total == NULL)
                {
                  total = g_new0 (gint64, 1);
                  g_hash_table_insert (targets, g_memdup2 (key, sizeof (gint64)), total);
                }
              *total += add;
            }
        }
      if (!sp_metrics_finish (store, rc, error))
        return FALSE;
    }

  return TRUE;
}

static GHashTable *
new_target_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static gboolean
rep_in_region (SpStore  *store,
               gint64    rep_id,
               gint64    region_id,
               gboolean *out,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT 1 FROM rep WHERE id = ? AND region_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rep_id);
  sqlite3_bind_int64 (stmt, 2, region_id);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW;

  return rc == SQLITE_ROW || sp_metrics_finish (store, rc, error);
}

/* Attainment */

static const char actual_worklog_sql[] =
  "SELECT coalesce(sum(w.revenue), 0) FROM worklog_entry w"
  " WHERE w.day BETWEEN :from AND :to";

static const char actual_won_sql[] =
  "SELECT coalesce(sum(o.amount), 0)"
  "  FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
  " WHERE " SP_METRICS_WON_IN_PERIOD;

gboolean
sp_metrics_get_attainment (SpStore                *store,
                           const SpMetricsFilter  *filter,
                           SpMetricsActualBasis    basis,
                           SpMetricsAttainment    *out,
                           GError                **error)
{
  g_autoptr(GHashTable) targets = new_target_table ();
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  const char *dimension = "team";
  gint64 member = 0;
  gboolean matches = TRUE;
  gint64 *target;

  g_return_val_if_fail (SP_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && out != NULL, FALSE);
  g_return_val_if_fail (basis == SP_METRICS_ACTUAL_WORKLOG_REVENUE
                        || basis == SP_METRICS_ACTUAL_WON_AMOUNT, FALSE);

  if (!sp_metrics_check_filter (filter, error))
    return FALSE;

  if (basis == SP_METRICS_ACTUAL_WORKLOG_REVENUE)
    where = sp_metrics_filter_sql (filter, "w.rep_id");
  else
    where = sp_metrics_filter_sql (filter, "o.rep_id");
  sql = g_strconcat (basis == SP_METRICS_ACTUAL_WORKLOG_REVENUE
                     ? actual_worklog_sql : actual_won_sql, where, NULL);
  if (!sp_metrics_query_row (store, filter, sql, &out->actual, 1, error))
    return FALSE;

  if (filter->rep_id != 0)
    {
      dimension = "rep";
      member = filter->rep_id;
      if (filter->region_id != 0
          && !rep_in_region (store, filter->rep_id, filter->region_id, &matches, error))
        return FALSE;
    }
  else if (filter->region_id != 0)
    {
      dimension = "region";
      member = filter->region_id;
    }

  if (matches && !collect_targets (store, filter, dimension, member, targets, error))
    return FALSE;

  target = g_hash_table_lookup (targets, &member);
  out->target = target ? *target : 0;
  out->attainment = sp_metrics_make_rate (out->actual, out->target);

  return TRUE;
}

/* The ranking (战报) */

/* Each actual query is: head, the filter on the actual's rep column, middle, the filter on
 * r.id; filtering inside as well lets a rep or region use the indexes by rep. */
static const char ranking_worklog_head[] =
  "SELECT r.id, r.name, coalesce(r.region_id, 0), coalesce(a.actual, 0)"
  "  FROM rep r"
  "  LEFT JOIN (SELECT w.rep_id, sum(w.revenue) AS actual FROM worklog_entry w"
  "              WHERE w.day BETWEEN :from AND :to";
static const char ranking_won_head[] =
  "SELECT r.id, r.name, coalesce(r.region_id, 0), coalesce(a.actual, 0)"
  "  FROM rep r"
  "  LEFT JOIN (SELECT o.rep_id AS rep_id, sum(o.amount) AS actual"
  "              FROM opportunity o JOIN pipeline_stage s ON s.id = o.stage_id"
  "             WHERE " SP_METRICS_WON_IN_PERIOD;
static const char ranking_middle[] =
  "             GROUP BY 1) a ON a.rep_id = r.id"
  " WHERE ((r.hired_on IS NULL OR r.hired_on <= :to) AND (r.left_on IS NULL OR r.left_on >= :from)"
  "        OR coalesce(a.actual, 0) <> 0)";

void
sp_metrics_rank_entry_free (SpMetricsRankEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->name);
  g_free (entry);
}

/* Exact comparison of two rates; undefined ones are the smallest. */
static int
compare_rates (SpRate a,
               SpRate b)
{
  SpMetricsWide left, right;

  if (a.den == 0 || b.den == 0)
    return (a.den != 0) - (b.den != 0);

  /* Targets are positive, so the cross products keep the order. */
  left = (SpMetricsWide) a.num * b.den;
  right = (SpMetricsWide) b.num * a.den;
  return (left > right) - (left < right);
}

/* DOMAIN §9: ties by amount, then by name (the id only keeps two reps of one name apart). */
static int
compare_by_actual (gconstpointer a,
                   gconstpointer b)
{
  const SpMetricsRankEntry *x = *(SpMetricsRankEntry * const *) a;
  const SpMetricsRankEntry *y = *(SpMetricsRankEntry * const *) b;
  int by_name;

  if (x->actual != y->actual)
    return x->actual > y->actual ? -1 : 1;
  by_name = g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
  if (by_name != 0)
    return by_name;
  return (x->rep_id > y->rep_id) - (x->rep_id < y->rep_id);
}

static int
compare_by_attainment (gconstpointer a,
                       gconstpointer b)
{
  const SpMetricsRankEntry *x = *(SpMetricsRankEntry * const *) a;
  const SpMetricsRankEntry *y = *(SpMetricsRankEntry * const *) b;
  int order = compare_rates (x->attainment, y->attainment);

  return order != 0 ? -order : compare_by_actual (a, b);
}

GPtrArray *
sp_metrics_get_ranking (SpStore                *store,
                        const SpMetricsFilter  *filter,
                        SpMetricsActualBasis    basis,
                        SpMetricsRankOrder      order,
                        GError                **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_metrics_rank_entry_free);
  g_autoptr(GHashTable) targets = new_target_table ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (basis == SP_METRICS_ACTUAL_WORKLOG_REVENUE
                        || basis == SP_METRICS_ACTUAL_WON_AMOUNT, NULL);
  g_return_val_if_fail (order == SP_METRICS_RANK_BY_ACTUAL
                        || order == SP_METRICS_RANK_BY_ATTAINMENT, NULL);

  if (!sp_metrics_check_filter (filter, error)
      || !collect_targets (store, filter, "rep", -1, targets, error))
    return NULL;

  inner = sp_metrics_filter_sql (filter, basis == SP_METRICS_ACTUAL_WORKLOG_REVENUE
                                 ? "w.rep_id" : "o.rep_id");
  where = sp_metrics_filter_sql (filter, "r.id");
  sql = g_strconcat (basis == SP_METRICS_ACTUAL_WORKLOG_REVENUE
                     ? ranking_worklog_head : ranking_won_head,
                     inner, ranking_middle, where, NULL);
  stmt = sp_metrics_prepare (store, filter, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpMetricsRankEntry *entry = g_new0 (SpMetricsRankEntry, 1);
      gint64 *target;

      entry->rep_id = sqlite3_column_int64 (stmt, 0);
      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->region_id = sqlite3_column_int64 (stmt, 2);
      entry->actual = sqlite3_column_int64 (stmt, 3);
      target = g_hash_table_lookup (targets, &entry->rep_id);
      entry->target = target ? *target : 0;
      entry->attainment = sp_metrics_make_rate (entry->actual, entry->target);
      g_ptr_array_add (entries, entry);
    }
  if (!sp_metrics_finish (store, rc, error))
    return NULL;

  g_ptr_array_sort (entries, order == SP_METRICS_RANK_BY_ACTUAL
                    ? compare_by_actual : compare_by_attainment);

  for (guint i = 0; i < entries->len; i++)
    {
      SpMetricsRankEntry *entry = g_ptr_array_index (entries, i);
      SpMetricsRankEntry *before = i > 0 ? g_ptr_array_index (entries, i - 1) : NULL;
      gboolean tie = before != NULL
        && (order == SP_METRICS_RANK_BY_ACTUAL
            ? before->actual == entry->actual
            : compare_rates (before->attainment, entry->attainment) == 0
              && (entry->attainment.den != 0 || before->actual == entry->actual));

      entry->rank = tie ? before->rank : i + 1;
    }

  return g_steal_pointer (&entries);
}
