/* sp-worksheet.c — the target-setting worksheet (销售目标制定): loading and reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-worksheet"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-money.h"
#include "sp-preferences.h"
#include "sp-store-private.h"
#include "sp-worksheet-private.h"


G_DEFINE_QUARK (sp-worksheet-error-quark, sp_worksheet_error)

static void
clear_commitment (gpointer data)
{
  SpWorksheetCommitment *c = data;

  g_clear_pointer (&c->rep_name, g_free);
}

static void
clear_region_sum (gpointer data)
{
  SpWorksheetRegionSum *r = data;

  g_clear_pointer (&r->region_name, g_free);
}

static void
clear_ogsmt (gpointer data)
{
  SpOgsmtItem *item = data;

  g_clear_pointer (&item->text, g_free);
}

static SpWorksheet *
sp_worksheet_new (void)
{
  SpWorksheet *self = g_new0 (SpWorksheet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->history_years = g_array_new (FALSE, FALSE, sizeof (int));
  self->history_totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->basis_years = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < SP_WORKSHEET_N_BASES; i++)
    self->adjustments[i].note = g_strdup ("");
  for (guint i = 0; i < SP_WORKSHEET_N_SWOT; i++)
    self->swot[i] = g_strdup ("");
  self->commitments = g_array_new (FALSE, TRUE, sizeof (SpWorksheetCommitment));
  g_array_set_clear_func (self->commitments, clear_commitment);
  self->region_sums = g_array_new (FALSE, TRUE, sizeof (SpWorksheetRegionSum));
  g_array_set_clear_func (self->region_sums, clear_region_sum);
  self->ogsmt = g_array_new (FALSE, TRUE, sizeof (SpOgsmtItem));
  g_array_set_clear_func (self->ogsmt, clear_ogsmt);

  return self;
}

SpWorksheet *
sp_worksheet_ref (SpWorksheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sp_worksheet_unref (SpWorksheet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->history_years);
  g_array_unref (self->history_totals);
  g_array_unref (self->basis_years);
  for (guint i = 0; i < SP_WORKSHEET_N_BASES; i++)
    g_free (self->adjustments[i].note);
  for (guint i = 0; i < SP_WORKSHEET_N_SWOT; i++)
    g_free (self->swot[i]);
  g_array_unref (self->commitments);
  g_array_unref (self->region_sums);
  g_array_unref (self->ogsmt);
  g_free (self);
}

const char * const sp_worksheet_basis_names[SP_WORKSHEET_N_BASES] = {
  "industry", "headcount", "channels", "products",
};
const char * const sp_worksheet_swot_names[SP_WORKSHEET_N_SWOT] = {
  "strengths", "weaknesses", "opportunities", "threats",
};
const char * const sp_worksheet_kind_names[3] = { NULL, "percent", "amount" };
const char * const sp_ogsmt_kind_names[4] = { "objective", "goal", "strategy", "measure" };

int
sp_worksheet_name_index (const char * const *names,
                         guint               n,
                         const char         *text)
{
  for (guint i = 0; text != NULL && i < n; i++)
    if (names[i] != NULL && g_str_equal (names[i], text))
      return (int) i;

  return -1;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

gboolean
sp_worksheet_parse_years (const char *text,
                          GArray     *out)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  guint kept = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 year;
      int value;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, 1, 9999, &year, NULL))
        return FALSE;
      value = (int) year;
      g_array_append_val (out, value);
    }

  g_array_sort (out, compare_int);
  for (guint i = 0; i < out->len; i++)
    if (kept == 0 || g_array_index (out, int, i) != g_array_index (out, int, kept - 1))
      g_array_index (out, int, kept++) = g_array_index (out, int, i);
  g_array_set_size (out, kept);

  return TRUE;
}

SpCalendar *
sp_worksheet_dup_calendar (SpStore *store)
{
  g_autoptr(SpPreferences) preferences = sp_preferences_new (store);

  return sp_calendar_new (sp_preferences_get_fiscal_start_month (preferences));
}

static char *
iso_of (const GDate *date)
{
  return sp_date_format_iso (date);
}

/* The history orders' total and count over fiscal year @year. */
static gboolean
year_total (SpStore       *store,
            sqlite3_stmt  *stmt,
            SpCalendar    *calendar,
            int            year,
            gint64        *out_total,
            gint64        *out_count,
            GError       **error)
{
  GDate first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  sp_calendar_fiscal_year_range (calendar, year, &first, &last);
  a = iso_of (&first);
  b = iso_of (&last);

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not read the history"));

  *out_count = sqlite3_column_int64 (stmt, 0);
  *out_total = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* The fiscal years with history orders and their totals; the basis from the chosen years. */
static gboolean
load_history (SpWorksheet  *self,
              SpStore      *store,
              SpCalendar   *calendar,
              GError      **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) bounds = NULL;
  g_autoptr(sqlite3_stmt) total = NULL;
  GDate date;
  int lo, hi;

  bounds = sp_sql_prepare (db, "SELECT min(order_day), max(order_day) FROM history_order", error);
  total = sp_sql_prepare (db, "SELECT count(*), coalesce(sum(amount), 0) FROM history_order"
                              " WHERE order_day BETWEEN ?1 AND ?2", error);
  if (bounds == NULL || total == NULL)
    return FALSE;
  if (sqlite3_step (bounds) != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not read the history"));

  g_date_clear (&date, 1);
  if (sqlite3_column_type (bounds, 0) != SQLITE_NULL
      && sp_date_parse_iso ((const char *) sqlite3_column_text (bounds, 0), &date))
    {
      lo = sp_calendar_fiscal_year_of (calendar, &date);
      if (!sp_date_parse_iso ((const char *) sqlite3_column_text (bounds, 1), &date))
        return sp_store_set_sql_error (store, error, _("Could not read the history"));
      hi = sp_calendar_fiscal_year_of (calendar, &date);

      for (int year = lo; year <= hi; year++)
        {
          gint64 sum, n;

          if (!year_total (store, total, calendar, year, &sum, &n, error))
            return FALSE;
          if (n == 0)
            continue;
          g_array_append_val (self->history_years, year);
          g_array_append_val (self->history_totals, sum);
        }
    }

  if (!self->typed_basis && self->basis_years->len > 0)
    {
      gint64 sum = 0;

      for (guint i = 0; i < self->basis_years->len; i++)
        {
          gint64 year_sum, n;

          if (!year_total (store, total, calendar, g_array_index (self->basis_years, int, i),
                           &year_sum, &n, error))
            return FALSE;
          sum += year_sum;
        }
      /* The mean, half away from zero. */
      self->basis = sp_money_scale (sum, 1, self->basis_years->len);
    }

  return TRUE;
}

static gboolean
load_plan (SpWorksheet  *self,
           SpStore      *store,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT fiscal_year, target, sprint, challenge, basis_years, basis_amount,"
                         "       growth_bp"
                         "  FROM plan WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SP_WORKSHEET_ERROR, SP_WORKSHEET_ERROR_NOT_FOUND,
                   _("There is no plan with id %lld"), (long long) self->plan_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  self->fiscal_year = sqlite3_column_int (stmt, 0);
  self->target = sqlite3_column_int64 (stmt, 1);
  self->sprint = sqlite3_column_int64 (stmt, 2);
  self->challenge = sqlite3_column_int64 (stmt, 3);
  self->typed_basis = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  if (self->typed_basis)
    self->basis = MAX (sqlite3_column_int64 (stmt, 5), 0);
  /* A stored list that does not parse counts as none. */
  else if (!sp_worksheet_parse_years ((const char *) sqlite3_column_text (stmt, 4),
                                      self->basis_years))
    g_array_set_size (self->basis_years, 0);
  self->growth_bp = sqlite3_column_int (stmt, 6);

  return TRUE;
}

static gboolean
load_adjustments (SpWorksheet  *self,
                  SpStore      *store,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT basis, kind, value, note FROM plan_adjustment WHERE plan_id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int basis = sp_worksheet_name_index (sp_worksheet_basis_names, SP_WORKSHEET_N_BASES,
                                           (const char *) sqlite3_column_text (stmt, 0));
      int kind = sp_worksheet_name_index (sp_worksheet_kind_names, 3,
                                          (const char *) sqlite3_column_text (stmt, 1));
      SpWorksheetAdjustment *line;

      if (basis < 0 || kind < 0)
        continue;
      line = &self->adjustments[basis];
      line->kind = (SpWorksheetAdjustmentKind) kind;
      line->value = sqlite3_column_int64 (stmt, 2);
      g_free (line->note);
      line->note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  return TRUE;
}

static gboolean
load_swot (SpWorksheet  *self,
           SpStore      *store,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT quadrant, text FROM plan_swot WHERE plan_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int quadrant = sp_worksheet_name_index (sp_worksheet_swot_names, SP_WORKSHEET_N_SWOT,
                                              (const char *) sqlite3_column_text (stmt, 0));

      if (quadrant < 0)
        continue;
      g_free (self->swot[quadrant]);
      self->swot[quadrant] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  return TRUE;
}

/* basis + growth + the adjustments' effects (percent lines of the basis), never below 0. */
static void
compute_proposal (SpWorksheet *self)
{
  gint64 proposed;

  self->growth_effect = sp_money_apply_percent (self->basis, self->growth_bp);
  proposed = self->basis + self->growth_effect;
  for (guint i = 0; i < SP_WORKSHEET_N_BASES; i++)
    {
      SpWorksheetAdjustment *line = &self->adjustments[i];

      switch (line->kind)
        {
        case SP_WORKSHEET_ADJUSTMENT_PERCENT:
          line->effect = sp_money_apply_percent (self->basis, line->value);
          break;
        case SP_WORKSHEET_ADJUSTMENT_AMOUNT:
          line->effect = line->value;
          break;
        case SP_WORKSHEET_ADJUSTMENT_NONE:
        default:
          line->effect = 0;
          break;
        }
      proposed += line->effect;
    }
  self->proposed = MAX (proposed, 0);
}

static gboolean
load_ogsmt (SpWorksheet  *self,
            SpStore      *store,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int positions[G_N_ELEMENTS (sp_ogsmt_kind_names)] = { 0, };
  int rc;

  stmt = sp_sql_prepare (sp_store_get_db (store),
                         "SELECT id, kind, text, target_value, deadline FROM ogsmt_item"
                         " WHERE plan_id = ?"
                         " ORDER BY CASE kind WHEN 'objective' THEN 0 WHEN 'goal' THEN 1"
                         "                    WHEN 'strategy' THEN 2 ELSE 3 END, position, id",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sp_worksheet_name_index (sp_ogsmt_kind_names, G_N_ELEMENTS (sp_ogsmt_kind_names),
                                          (const char *) sqlite3_column_text (stmt, 1));
      SpOgsmtItem item = { 0, };

      if (kind < 0)
        continue;
      item.id = sqlite3_column_int64 (stmt, 0);
      item.kind = (SpOgsmtKind) kind;
      item.position = positions[kind]++;
      item.text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      item.has_target = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      item.target_value = item.has_target ? sqlite3_column_int64 (stmt, 3) : 0;
      g_date_clear (&item.deadline, 1);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL
          && !sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 4), &item.deadline))
        g_date_clear (&item.deadline, 1);
      g_array_append_val (self->ogsmt, item);
    }
  if (rc != SQLITE_DONE)
    return sp_store_set_sql_error (store, error, _("Could not load the worksheet"));

  return TRUE;
}

SpWorksheet *
sp_worksheet_load (SpStore  *store,
                   gint64    plan_id,
                   GError  **error)
{
  g_autoptr(SpWorksheet) self = NULL;
  g_autoptr(SpCalendar) calendar = NULL;

  g_return_val_if_fail (SP_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = sp_worksheet_new ();
  self->plan_id = plan_id;
  calendar = sp_worksheet_dup_calendar (store);

  if (!load_plan (self, store, error)
      || !load_history (self, store, calendar, error)
      || !load_adjustments (self, store, error)
      || !load_swot (self, store, error)
      || !sp_worksheet_load_commitments (self, store, calendar, error)
      || !load_ogsmt (self, store, error))
    return NULL;

  compute_proposal (self);

  return g_steal_pointer (&self);
}

gint64 sp_worksheet_get_plan_id (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->plan_id; }
int sp_worksheet_get_fiscal_year (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->fiscal_year; }
const GArray *sp_worksheet_get_history_years (SpWorksheet *self) { g_return_val_if_fail (self != NULL, NULL); return self->history_years; }
const GArray *sp_worksheet_get_history_totals (SpWorksheet *self) { g_return_val_if_fail (self != NULL, NULL); return self->history_totals; }
const GArray *sp_worksheet_get_basis_years (SpWorksheet *self) { g_return_val_if_fail (self != NULL, NULL); return self->basis_years; }
gboolean sp_worksheet_has_typed_basis (SpWorksheet *self) { g_return_val_if_fail (self != NULL, FALSE); return self->typed_basis; }
gint64 sp_worksheet_get_basis (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->basis; }
int sp_worksheet_get_growth_bp (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->growth_bp; }
gint64 sp_worksheet_get_growth_effect (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->growth_effect; }
gint64 sp_worksheet_get_proposed (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->proposed; }
gint64 sp_worksheet_get_target (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->target; }
gint64 sp_worksheet_get_sprint (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->sprint; }
gint64 sp_worksheet_get_challenge (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->challenge; }
guint sp_worksheet_get_n_commitments (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->commitments->len; }
guint sp_worksheet_get_n_region_sums (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->region_sums->len; }
gint64 sp_worksheet_get_committed (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->committed; }
gint64 sp_worksheet_get_gap (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->target - self->committed; }
guint sp_worksheet_get_n_ogsmt (SpWorksheet *self) { g_return_val_if_fail (self != NULL, 0); return self->ogsmt->len; }

const SpWorksheetAdjustment *
sp_worksheet_get_adjustment (SpWorksheet      *self,
                             SpWorksheetBasis  basis)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) basis < SP_WORKSHEET_N_BASES, NULL);

  return &self->adjustments[basis];
}

const char *
sp_worksheet_get_swot (SpWorksheet     *self,
                       SpWorksheetSwot  quadrant)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) quadrant < SP_WORKSHEET_N_SWOT, NULL);

  return self->swot[quadrant];
}

const SpWorksheetCommitment *
sp_worksheet_get_commitment (SpWorksheet *self,
                             guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->commitments->len, NULL);

  return &g_array_index (self->commitments, SpWorksheetCommitment, index);
}

const SpWorksheetRegionSum *
sp_worksheet_get_region_sum (SpWorksheet *self,
                             guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->region_sums->len, NULL);

  return &g_array_index (self->region_sums, SpWorksheetRegionSum, index);
}

const SpOgsmtItem *
sp_worksheet_get_ogsmt (SpWorksheet *self,
                        guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->ogsmt->len, NULL);

  return &g_array_index (self->ogsmt, SpOgsmtItem, index);
}
