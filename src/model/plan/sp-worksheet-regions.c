/* sp-worksheet-regions.c — the worksheet's bottom-up side (汇总法): each active rep's
 * commitment, summed per region next to the region's top-down share of the target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-allocation.h"
#include "sp-store-private.h"
#include "sp-worksheet-private.h"

static char *
iso_of_year_bound (SpCalendar *calendar,
                   int         year,
                   gboolean    last)
{
  GDate first, end;

  g_date_clear (&first, 1);
  g_date_clear (&end, 1);
  sp_calendar_fiscal_year_range (calendar, year, &first, &end);
  return sp_date_format_iso (last ? &end : &first);
}

/* Every region, in the order the regions list shows them. */
static gboolean
load_regions (SpWorksheet  *self,
              SpStore      *store,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT id, name FROM region ORDER BY position, name, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpWorksheetRegionSum line = { 0, };

      line.region_id = sqlite3_column_int64 (stmt, 0);
      line.region_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_array_append_val (self->region_sums, line);
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  return TRUE;
}

static SpWorksheetRegionSum *
find_region (SpWorksheet *self,
             gint64       region_id)
{
  for (guint i = 0; i < self->region_sums->len; i++)
    {
      SpWorksheetRegionSum *line = &g_array_index (self->region_sums, SpWorksheetRegionSum, i);

      if (line->region_id == region_id)
        return line;
    }

  return NULL;
}

/* Every active rep (no leaving day) with the region they are in by the end of the plan's
 * fiscal year: their latest rep_region move up to then, else their current region. */
static gboolean
load_reps (SpWorksheet  *self,
           SpStore      *store,
           SpCalendar   *calendar,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *year_end = iso_of_year_bound (calendar, self->fiscal_year, TRUE);
  gboolean no_region = FALSE;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "WITH r AS ("
                         "  SELECT rep.id, rep.name,"
                         "         coalesce ((SELECT rr.region_id FROM rep_region rr"
                         "                     WHERE rr.rep_id = rep.id AND rr.from_day <= ?2"
                         "                     ORDER BY rr.from_day DESC LIMIT 1),"
                         "                   rep.region_id) AS region_id"
                         "    FROM rep WHERE rep.left_on IS NULL)"
                         " SELECT r.id, r.name, coalesce (region.id, 0), c.amount IS NOT NULL,"
                         "        coalesce (c.amount, 0)"
                         "   FROM r"
                         "   LEFT JOIN region ON region.id = r.region_id"
                         "   LEFT JOIN plan_commitment c ON c.plan_id = ?1 AND c.rep_id = r.id"
                         "  ORDER BY region.id IS NULL, region.position, region.name, region.id,"
                         "           r.name, r.id",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  sqlite3_bind_text (stmt, 2, year_end, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpWorksheetCommitment commitment = { 0, };

      commitment.rep_id = sqlite3_column_int64 (stmt, 0);
      commitment.rep_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      commitment.region_id = sqlite3_column_int64 (stmt, 2);
      commitment.has_commitment = sqlite3_column_int (stmt, 3) != 0;
      commitment.amount = sqlite3_column_int64 (stmt, 4);
      no_region |= commitment.region_id == 0;
      g_array_append_val (self->commitments, commitment);
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  if (no_region)
    {
      SpWorksheetRegionSum line = { 0, };

      line.region_name = g_strdup (_("No region"));
      g_array_append_val (self->region_sums, line);
    }

  return TRUE;
}

/* The plan's year × region breakdown cells, as weights per region line; FALSE when the
 * plan has not been broken down by region. */
static gboolean
breakdown_weights (SpWorksheet  *self,
                   SpStore      *store,
                   gint64       *weights,
                   gboolean     *out_found,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_found = FALSE;
  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT member_id, amount FROM breakdown_cell"
                         " WHERE plan_id = ? AND dimension = 'region' AND period_kind = 'year'",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 member = sqlite3_column_int64 (stmt, 0);

      *out_found = TRUE;
      for (guint i = 0; i < self->region_sums->len; i++)
        if (member != 0 && g_array_index (self->region_sums, SpWorksheetRegionSum, i).region_id == member)
          weights[i] = MAX (sqlite3_column_int64 (stmt, 1), 0);
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  return TRUE;
}

/* Each region's history total over the basis years (else the fiscal year before the
 * plan's), as history-share weights. */
static gboolean
history_weights (SpWorksheet  *self,
                 SpStore      *store,
                 SpCalendar   *calendar,
                 gint64       *weights,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree gint64 *amounts = NULL;
  guint n = self->region_sums->len;
  int rc = SQLITE_DONE;

  if (self->basis_years->len > 0)
    g_array_append_vals (years, self->basis_years->data, self->basis_years->len);
  else
    {
      int previous = self->fiscal_year - 1;

      g_array_append_val (years, previous);
    }

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT region_id, sum(amount) FROM history_order"
                         " WHERE order_day BETWEEN ?1 AND ?2 AND region_id IS NOT NULL"
                         " GROUP BY region_id", error);
  if (stmt == NULL)
    return FALSE;

  amounts = g_new0 (gint64, (gsize) years->len * n);
  for (guint y = 0; y < years->len; y++)
    {
      g_autofree char *first = iso_of_year_bound (calendar, g_array_index (years, int, y), FALSE);
      g_autofree char *last = iso_of_year_bound (calendar, g_array_index (years, int, y), TRUE);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 region_id = sqlite3_column_int64 (stmt, 0);

          for (guint i = 0; i < n; i++)
            if (region_id != 0 && g_array_index (self->region_sums, SpWorksheetRegionSum, i).region_id == region_id)
              amounts[(gsize) y * n + i] = sqlite3_column_int64 (stmt, 1);
        }
      if (rc != SQLITE_DONE)
        return sp_store_set_sql_error (store, error, _("Could not read the history"));
    }

  sp_weights_history (amounts, years->len, n, weights);
  return TRUE;
}

/* The regions' top-down targets: the breakdown's region years when the plan is broken down
 * by region (re-split by them when they no longer add up to the target), else the target
 * by history share; equal when nothing weighs. The no-region line takes a share only when
 * there is no region at all. Always adds up to the target. */
static gboolean
split_target (SpWorksheet  *self,
              SpStore      *store,
              SpCalendar   *calendar,
              GError      **error)
{
  guint n = self->region_sums->len;
  guint n_regions = n;
  g_autofree gint64 *weights = NULL;
  g_autofree gint64 *shares = NULL;
  gboolean found;
  gint64 sum = 0;

  if (n == 0)
    return TRUE;
  if (g_array_index (self->region_sums, SpWorksheetRegionSum, n - 1).region_id == 0 && n > 1)
    n_regions = n - 1;   /* the no-region line is last and takes no share */

  weights = g_new0 (gint64, n);
  shares = g_new0 (gint64, n);
  if (!breakdown_weights (self, store, weights, &found, error))
    return FALSE;
  if (!found && !history_weights (self, store, calendar, weights, error))
    return FALSE;

  for (guint i = 0; i < n_regions; i++)
    sum += weights[i];
  if (found && sum == self->target)
    memcpy (shares, weights, sizeof (gint64) * n_regions);
  else if (!sp_allocate (self->target, weights, NULL, NULL, n_regions, shares, NULL, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    g_array_index (self->region_sums, SpWorksheetRegionSum, i).top_down = shares[i];

  return TRUE;
}

gboolean
sp_worksheet_load_commitments (SpWorksheet  *self,
                               SpStore      *store,
                               SpCalendar   *calendar,
                               GError      **error)
{
  if (!load_regions (self, store, error)
      || !load_reps (self, store, calendar, error)
      || !split_target (self, store, calendar, error))
    return FALSE;

  self->committed = 0;
  for (guint i = 0; i < self->commitments->len; i++)
    {
      const SpWorksheetCommitment *c = &g_array_index (self->commitments, SpWorksheetCommitment, i);
      SpWorksheetRegionSum *line = find_region (self, c->region_id);

      self->committed += c->amount;
      if (line == NULL)
        continue;
      line->n_reps++;
      line->committed += c->amount;
      if (c->has_commitment)
        line->n_committed++;
    }

  for (guint i = 0; i < self->region_sums->len; i++)
    {
      SpWorksheetRegionSum *line = &g_array_index (self->region_sums, SpWorksheetRegionSum, i);

      line->gap = line->top_down - line->committed;
    }

  return TRUE;
}
