/* sp-breakdown-load.c — the breakdown's cells in the workspace: reading them into the model
 * (months and weeks back into weeks' parts) and writing a whole new breakdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-breakdown-private.h"
#include "sp-preferences.h"

GArray *
sp_bd_parse_ramp (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  GArray *factors = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 bp;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, 0, G_MAXINT32, &bp, NULL))
        {
          g_array_set_size (factors, 0);
          break;
        }
      g_array_append_val (factors, bp);
    }

  return factors;
}

gboolean
sp_bd_read_plan (SpStore  *store,
                 gint64    plan_id,
                 SpBdPlan *plan,
                 GError  **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (db, "SELECT fiscal_year, target, basis_years, ramp_factors FROM plan"
                      " WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_NOT_FOUND,
                   _("There is no plan with id %lld"), (long long) plan_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sp_sql_set_error (db, error, _("Could not read the plan"));

  plan->fiscal_year = sqlite3_column_int (stmt, 0);
  plan->target = sqlite3_column_int64 (stmt, 1);
  plan->id = plan_id;
  g_free (plan->basis_years);
  plan->basis_years = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_clear_pointer (&plan->ramp_bp, g_array_unref);
  plan->ramp_bp = sp_bd_parse_ramp ((const char *) sqlite3_column_text (stmt, 3));

  if (plan->fiscal_year < 1 || plan->fiscal_year >= G_MAXUINT16 - 1)
    {
      g_set_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_INVALID,
                   _("%d is not a valid fiscal year"), plan->fiscal_year);
      return FALSE;
    }

  return TRUE;
}

SpBdLayout *
sp_bd_make_layout (SpStore *store,
                   int      fiscal_year)
{
  g_autoptr(SpPreferences) preferences = sp_preferences_new (store);
  g_autoptr(SpCalendar) calendar = sp_preferences_dup_calendar (preferences);

  return sp_bd_layout_new (calendar, fiscal_year);
}

typedef struct
{
  gint64               id;
  SpBreakdownPeriod    period;
  guint32              start;
  SpBreakdownDimension dimension;
  gint64               member_id;
  gint64               amount;
  gboolean             locked;
  SpWeightSource       source;
  gint64               weight;
} Row;

static GArray *
read_rows (SpStore   *store,
           gint64     plan_id,
           gboolean  *stale,
           GError   **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(sqlite3_stmt) stmt =
    sp_sql_prepare (db, "SELECT id, period_kind, period_start, dimension, member_id, amount,"
                        " locked, weight_source, weight FROM breakdown_cell WHERE plan_id = ?",
                    error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { 0 };
      GDate start;

      row.id = sqlite3_column_int64 (stmt, 0);
      if (!sp_breakdown_period_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                            &row.period)
          || !sp_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &start)
          || !sp_breakdown_dimension_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                                  &row.dimension))
        {
          *stale = TRUE;
          continue;
        }
      row.start = g_date_get_julian (&start);
      row.member_id = sqlite3_column_int64 (stmt, 4);
      row.amount = sqlite3_column_int64 (stmt, 5);
      row.locked = sqlite3_column_int (stmt, 6) != 0;
      if (!sp_weight_source_from_string ((const char *) sqlite3_column_text (stmt, 7), &row.source))
        row.source = SP_WEIGHT_SOURCE_EQUAL;
      row.weight = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? SP_BD_NO_WEIGHT
                                                                 : sqlite3_column_int64 (stmt, 8);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      sp_sql_set_error (db, error, _("Could not read the breakdown"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gint64
member_key (SpBreakdownDimension dimension,
            gint64               member_id)
{
  return member_id * SP_BREAKDOWN_N_DIMENSIONS + dimension;
}

/* The series of the stored cells, in display order; reps under the region they are in now. */
static gboolean
add_stored_series (SpStore        *store,
                   const SpBdPlan *plan,
                   SpBdModel      *model,
                   GArray         *rows,
                   gboolean       *stale,
                   GError        **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 team = member_key (SP_BREAKDOWN_DIMENSION_TEAM, 0);
  guint n_added = 1;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gint64 key = member_key (row->dimension, row->member_id);

      if (!g_hash_table_contains (present, &key))
        g_hash_table_add (present, g_memdup2 (&key, sizeof key));
    }

  sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_TEAM, 0, NULL, -1);
  *stale = *stale || !g_hash_table_contains (present, &team);

  for (guint d = SP_BREAKDOWN_DIMENSION_REGION; d < SP_BREAKDOWN_N_DIMENSIONS; d++)
    {
      g_autoptr(GArray) members = NULL;

      if (d == SP_BREAKDOWN_DIMENSION_REP)
        continue;
      members = sp_bd_list_members (db, d, error);
      if (members == NULL)
        return FALSE;

      for (guint i = 0; i < members->len; i++)
        {
          SpBdMember *member = &g_array_index (members, SpBdMember, i);
          gint64 key = member_key (d, member->id);

          if (!g_hash_table_contains (present, &key))
            continue;
          sp_bd_model_add_series (model, d, member->id, member->name, 0);
          n_added++;
        }

      /* Each region's reps follow the regions, in the regions' order. */
      if (d == SP_BREAKDOWN_DIMENSION_REGION)
        {
          g_autoptr(GArray) all_reps = sp_bd_list_members (db, SP_BREAKDOWN_DIMENSION_REP, error);
          guint n_regions = sp_bd_model_n_series (model);

          if (all_reps == NULL)
            return FALSE;
          for (guint r = 1; r < n_regions; r++)
            for (guint i = 0; i < all_reps->len; i++)
              {
                SpBdMember *rep = &g_array_index (all_reps, SpBdMember, i);
                gint64 key = member_key (SP_BREAKDOWN_DIMENSION_REP, rep->id);

                if (rep->region_id != sp_bd_series (model, r)->member_id
                    || !g_hash_table_contains (present, &key))
                  continue;
                sp_bd_series_set_active (model,
                                         sp_bd_model_add_series (model, SP_BREAKDOWN_DIMENSION_REP,
                                                                 rep->id, rep->name, (int) r),
                                         rep->hired, rep->left, sp_bd_plan_ramp (plan),
                                         sp_bd_plan_n_ramp (plan));
                n_added++;
              }
        }
    }

  /* Cells of members that are gone, or of reps whose region has no cells. */
  if (g_hash_table_size (present) != n_added)
    *stale = TRUE;

  return TRUE;
}

static int
slot_of_row (const SpBdLayout *layout,
             const Row        *row)
{
  guint32 first = layout->first_julian;

  switch (row->period)
    {
    case SP_BREAKDOWN_PERIOD_YEAR:
      return row->start == first ? SP_BD_S_YEAR : -1;
    case SP_BREAKDOWN_PERIOD_QUARTER:
      for (guint q = 0; q < 4; q++)
        if (row->start == first + layout->month_day[q * 3])
          return SP_BD_S_QUARTER (q);
      return -1;
    case SP_BREAKDOWN_PERIOD_MONTH:
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        if (row->start == first + layout->month_day[m])
          return SP_BD_S_MONTH (m);
      return -1;
    case SP_BREAKDOWN_PERIOD_WEEK:
      if (row->start < layout->week_julian[0] || (row->start - layout->week_julian[0]) % 7 != 0
          || (row->start - layout->week_julian[0]) / 7 >= layout->n_weeks)
        return -1;
      return SP_BD_S_WEEK ((row->start - layout->week_julian[0]) / 7);
    case SP_BREAKDOWN_PERIOD_DAY:
    default:
      return -1;
    }
}

SpBdModel *
sp_bd_read_model (SpStore         *store,
                  const SpBdPlan  *plan,
                  gboolean        *stale,
                  GError         **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(SpBdModel) model = NULL;
  g_autofree gint64 *weeks = NULL;

  *stale = FALSE;
  rows = read_rows (store, plan->id, stale, error);
  if (rows == NULL)
    return NULL;

  model = sp_bd_model_new (sp_bd_make_layout (store, plan->fiscal_year));
  if (rows->len == 0)
    {
      sp_bd_model_finish (model);
      return g_steal_pointer (&model);
    }

  if (!add_stored_series (store, plan, model, rows, stale, error))
    return NULL;
  sp_bd_model_finish (model);
  sp_bd_model_set_region_ranges (model);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      int s = sp_bd_model_find (model, row->dimension, row->member_id);
      int slot = slot_of_row (model->layout, row);
      gsize k;

      /* Days are never stored by the breakdown: anything else's are left alone. */
      if (row->period == SP_BREAKDOWN_PERIOD_DAY)
        continue;
      if (s < 0 || slot < 0)
        {
          *stale = TRUE;
          continue;
        }
      k = (gsize) s * model->slot_stride + (guint) slot;
      model->ids[k] = row->id;
      model->stored[k] = row->amount;
      model->locks[k] = row->locked ? 1 : 0;
      model->weights[k] = row->weight;
      if (slot == SP_BD_S_YEAR)
        sp_bd_series (model, s)->year_source = row->source;
      else if (slot == SP_BD_S_MONTH (0))
        sp_bd_series (model, s)->month_source = row->source;
    }

  weeks = g_new (gint64, MAX (model->layout->n_weeks, 1));
  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      const gint64 *stored = model->stored + (gsize) s * model->slot_stride;
      const gint64 *ids = model->ids + (gsize) s * model->slot_stride;
      gint64 *v = sp_bd_values (model, s);

      for (guint slot = 0; slot < model->slot_stride; slot++)
        *stale = *stale || ids[slot] == 0;

      v[SP_BD_V_YEAR] = stored[SP_BD_S_YEAR];
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        v[SP_BD_V_MONTH (m)] = stored[SP_BD_S_MONTH (m)];
      for (guint w = 0; w < model->layout->n_weeks; w++)
        weeks[w] = stored[SP_BD_S_WEEK (w)];
      /* Weeks that miss their months are reported by sp_breakdown_check(). */
      sp_bd_parts_from_weeks (model, v, weeks);
    }

  /* A rep whose days on the team changed since may have cells where they are not. */
  for (guint s = 0; s < sp_bd_model_n_series (model) && !*stale; s++)
    {
      const gint64 *v = sp_bd_values (model, s);

      for (guint p = 0; p < model->layout->n_parts && !*stale; p++)
        *stale = v[SP_BD_V_PART (p)] != 0 && sp_bd_part_factor (model, s, p) == 0;
    }

  /* A rep who moved to another region since leaves both regions' sums broken. */
  for (guint f = 0; f < model->families->len; f++)
    {
      SpBdFamily *family = sp_bd_family (model, f);
      gint64 sum = 0;

      for (guint i = 0; i < family->members->len; i++)
        sum += model->stored[(gsize) sp_bd_family_member (model, f, i) * model->slot_stride];
      *stale = *stale || sum != model->stored[(gsize) family->parent * model->slot_stride];
    }

  return g_steal_pointer (&model);
}

static char *
slot_start_iso (const SpBdLayout *layout,
                guint             slot)
{
  guint32 start = layout->first_julian;
  GDate date;

  if (slot >= SP_BD_S_WEEK (0))
    start = layout->week_julian[slot - SP_BD_S_WEEK (0)];
  else if (slot >= SP_BD_S_MONTH (0))
    start += layout->month_day[slot - SP_BD_S_MONTH (0)];
  else if (slot >= SP_BD_S_QUARTER (0))
    start += layout->month_day[(slot - SP_BD_S_QUARTER (0)) * 3];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, start);
  return sp_date_format_iso (&date);
}

void
sp_bd_slot_kind (const SpBdSeries   *series,
                 guint               slot,
                 SpBreakdownPeriod  *period,
                 SpWeightSource     *source)
{
  if (slot == SP_BD_S_YEAR)
    {
      *period = SP_BREAKDOWN_PERIOD_YEAR;
      *source = series->year_source;
    }
  else if (slot < SP_BD_S_MONTH (0))
    {
      *period = SP_BREAKDOWN_PERIOD_QUARTER;
      *source = series->month_source;
    }
  else if (slot < SP_BD_S_WEEK (0))
    {
      *period = SP_BREAKDOWN_PERIOD_MONTH;
      *source = series->month_source;
    }
  else
    {
      *period = SP_BREAKDOWN_PERIOD_WEEK;
      *source = SP_WEIGHT_SOURCE_WORKING_DAYS;
    }
}

/* Replaces the plan's cells with every cell of @model, recording their ids. */
gboolean
sp_bd_write_model (SpStore    *store,
                   gint64      plan_id,
                   SpBdModel  *model,
                   GError    **error)
{
  sqlite3 *db = sp_store_get_db (store);
  g_autoptr(sqlite3_stmt) del =
    sp_sql_prepare (db, "DELETE FROM breakdown_cell WHERE plan_id = ?", error);
  g_autoptr(sqlite3_stmt) ins = del == NULL ? NULL :
    sp_sql_prepare (db, "INSERT INTO breakdown_cell (plan_id, period_kind, period_start, dimension,"
                        " member_id, amount, locked, weight_source, weight)"
                        " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)", error);
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);

  if (ins == NULL)
    return FALSE;

  sqlite3_bind_int64 (del, 1, plan_id);
  if (sqlite3_step (del) != SQLITE_DONE)
    return sp_sql_set_error (db, error, _("Could not replace the breakdown"));

  for (guint slot = 0; slot < model->slot_stride; slot++)
    g_ptr_array_add (starts, slot_start_iso (model->layout, slot));

  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);
      const gint64 *v = sp_bd_values (model, s);
      const gint64 *weights = sp_bd_weights (model, s);

      for (guint slot = 0; slot < model->slot_stride; slot++)
        {
          gsize k = (gsize) s * model->slot_stride + slot;
          SpBreakdownPeriod period;
          SpWeightSource source;
          gint64 amount = sp_bd_slot_amount (model, v, slot);

          sp_bd_slot_kind (series, slot, &period, &source);
          sqlite3_reset (ins);
          sqlite3_bind_int64 (ins, 1, plan_id);
          sqlite3_bind_text (ins, 2, sp_breakdown_period_to_string (period), -1, SQLITE_STATIC);
          sqlite3_bind_text (ins, 3, g_ptr_array_index (starts, slot), -1, SQLITE_STATIC);
          sqlite3_bind_text (ins, 4, sp_breakdown_dimension_to_string (series->dimension), -1,
                             SQLITE_STATIC);
          sqlite3_bind_int64 (ins, 5, series->member_id);
          sqlite3_bind_int64 (ins, 6, amount);
          sqlite3_bind_text (ins, 7, sp_weight_source_to_string (source), -1, SQLITE_STATIC);
          if (weights[slot] == SP_BD_NO_WEIGHT)
            sqlite3_bind_null (ins, 8);
          else
            sqlite3_bind_int64 (ins, 8, weights[slot]);
          if (sqlite3_step (ins) != SQLITE_DONE)
            return sp_sql_set_error (db, error, _("Could not save the breakdown"));

          model->ids[k] = sqlite3_last_insert_rowid (db);
          model->stored[k] = amount;
        }
    }

  return TRUE;
}

static gboolean
parse_basis_years (const char *text,
                   GArray     *out)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 year;
      int value;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, 1, G_MAXUINT16 - 1, &year, NULL))
        return FALSE;
      value = (int) year;
      g_array_append_val (out, value);
    }

  return TRUE;
}


GArray *
sp_bd_basis_years (const SpBdPlan           *plan,
                   const SpBreakdownOptions *options)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int previous = plan->fiscal_year - 1;

  if (options->n_basis_years > 0)
    g_array_append_vals (years, options->basis_years, options->n_basis_years);
  else if (!parse_basis_years (plan->basis_years, years) || years->len == 0)
    {
      g_array_set_size (years, 0);
      g_array_append_val (years, previous);
    }

  return years;
}
