/* sp-breakdown-cells.c — reading the breakdown level by level with last year beside it,
 * checking that every parent is the sum of its children, and writing changed cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-breakdown-private.h"

#define WEEKS_52_DAYS 364

void
sp_bd_series_days (const SpBdModel *model,
                   guint            s,
                   gint64          *out)
{
  const SpBdLayout *layout = model->layout;

  for (guint p = 0; p < layout->n_parts; p++)
    sp_bd_part_days (model, s, p, out + layout->parts[p].first);
}

/* The same dates a year earlier (29 February → 28 February). */
static guint32
year_before (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_get_year (&date) <= 1)
    return julian;
  g_date_subtract_years (&date, 1);
  return g_date_get_julian (&date);
}

void
sp_bd_fill_cell (const SpBdModel    *model,
                 const SpBdHistory  *history,
                 guint               s,
                 SpBreakdownPeriod   period,
                 guint               index,
                 const gint64       *days,
                 SpBreakdownCell    *out)
{
  const SpBdSeries *series = &g_array_index (model->series, SpBdSeries, s);
  const gint64 *v = model->values + (gsize) s * model->value_stride;
  gsize base = (gsize) s * model->slot_stride;

  memset (out, 0, sizeof *out);
  out->dimension = series->dimension;
  out->member_id = series->member_id;
  out->parent_id = series->parent_id;
  out->period = period;
  out->index = index;
  sp_bd_layout_period_range (model->layout, period, index, &out->period_start, &out->first_day,
                             &out->last_day);

  if (period == SP_BREAKDOWN_PERIOD_DAY)
    {
      out->amount = days[index];
      out->weight_source = SP_WEIGHT_SOURCE_WORKING_DAYS;
      out->weight = sp_bd_series_working_days (model, s, index, 1);
    }
  else
    {
      guint slot = sp_bd_slot_of (period, index);
      SpBreakdownPeriod kind;

      out->amount = sp_bd_slot_amount (model, v, slot);
      out->locked = model->locks[base + slot] != 0;
      sp_bd_slot_kind (series, slot, &kind, &out->weight_source);
      out->weight = model->weights[base + slot];
      if (out->weight == SP_BD_NO_WEIGHT)
        out->weight = -1;
    }

  if (history != NULL)
    {
      if (period == SP_BREAKDOWN_PERIOD_WEEK || period == SP_BREAKDOWN_PERIOD_DAY)
        out->last_year = sp_bd_history_sum (history, s, out->first_day - WEEKS_52_DAYS,
                                            out->last_day - WEEKS_52_DAYS);
      else
        out->last_year = sp_bd_history_sum (history, s, year_before (out->first_day),
                                            year_before (out->last_day + 1) - 1);
    }
  out->has_growth = out->last_year != 0;
  if (out->has_growth)
    out->growth_bp = sp_allocation_percent_share (out->amount - out->last_year, out->last_year);
}

GArray *
sp_breakdown_get_members (SpBreakdown          *self,
                          SpBreakdownDimension  dimension)
{
  GArray *members = g_array_new (FALSE, FALSE, sizeof (gint64));
  SpBdModel *model;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), members);

  model = sp_breakdown_get_model (self, NULL);
  for (guint s = 0; model != NULL && s < sp_bd_model_n_series (model); s++)
    if (sp_bd_series (model, s)->dimension == dimension)
      g_array_append_val (members, sp_bd_series (model, s)->member_id);

  return members;
}

GArray *
sp_breakdown_get_cells (SpBreakdown           *self,
                        SpBreakdownDimension   dimension,
                        gint64                 member_id,
                        SpBreakdownPeriod      period,
                        GError               **error)
{
  g_autoptr(GArray) cells = NULL;
  g_autofree gint64 *days = NULL;
  SpBdModel *model;
  SpBdHistory *history;
  gboolean found = FALSE;
  guint n;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), NULL);
  g_return_val_if_fail ((guint) period <= SP_BREAKDOWN_PERIOD_DAY, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  model = sp_breakdown_get_model (self, error);
  history = model ? sp_breakdown_get_history (self, error) : NULL;
  if (history == NULL)
    return NULL;

  n = sp_bd_layout_n_periods (model->layout, period);
  cells = g_array_new (FALSE, FALSE, sizeof (SpBreakdownCell));
  if (period == SP_BREAKDOWN_PERIOD_DAY)
    days = g_new0 (gint64, model->layout->n_days);

  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    {
      SpBdSeries *series = sp_bd_series (model, s);
      guint first = cells->len;

      if (series->dimension != dimension
          || (member_id != SP_BREAKDOWN_ALL_MEMBERS && series->member_id != member_id))
        continue;

      found = TRUE;
      if (days != NULL)
        sp_bd_series_days (model, s, days);
      g_array_set_size (cells, first + n);
      for (guint i = 0; i < n; i++)
        sp_bd_fill_cell (model, history, s, period, i, days,
                         &g_array_index (cells, SpBreakdownCell, first + i));
    }

  if (!found && member_id != SP_BREAKDOWN_ALL_MEMBERS)
    {
      g_set_error (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_NOT_FOUND,
                   _("The breakdown has no %s with id %lld."),
                   sp_breakdown_dimension_get_display_name (dimension), (long long) member_id);
      return NULL;
    }

  return g_steal_pointer (&cells);
}

gboolean
sp_breakdown_get_cell (SpBreakdown           *self,
                       SpBreakdownDimension   dimension,
                       gint64                 member_id,
                       SpBreakdownPeriod      period,
                       guint                  index,
                       SpBreakdownCell       *out,
                       GError               **error)
{
  g_autofree gint64 *days = NULL;
  SpBdModel *model;
  SpBdHistory *history;
  int s;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  model = sp_breakdown_get_model (self, error);
  history = model ? sp_breakdown_get_history (self, error) : NULL;
  if (history == NULL)
    return FALSE;

  s = sp_bd_model_find (model, dimension, member_id);
  if (s < 0 || (guint) period > SP_BREAKDOWN_PERIOD_DAY
      || index >= sp_bd_layout_n_periods (model->layout, period))
    {
      g_set_error_literal (error, SP_BREAKDOWN_ERROR, SP_BREAKDOWN_ERROR_NOT_FOUND,
                           _("There is no such cell in the breakdown."));
      return FALSE;
    }

  if (period == SP_BREAKDOWN_PERIOD_DAY)
    {
      days = g_new0 (gint64, model->layout->n_days);
      sp_bd_series_days (model, (guint) s, days);
    }
  sp_bd_fill_cell (model, history, (guint) s, period, index, days, out);
  return TRUE;
}

/* Checking. */

static void
add_mismatch (GArray              *out,
              const SpBdModel     *model,
              guint                s,
              guint                slot,
              SpBreakdownRelation  relation,
              gint64               amount,
              gint64               expected)
{
  const SpBdSeries *series = &g_array_index (model->series, SpBdSeries, s);
  SpBreakdownMismatch mismatch = { 0 };
  SpWeightSource source;

  if (amount == expected)
    return;

  mismatch.dimension = series->dimension;
  mismatch.member_id = series->member_id;
  sp_bd_slot_kind (series, slot, &mismatch.period, &source);
  mismatch.index = slot >= SP_BD_S_WEEK (0) ? slot - SP_BD_S_WEEK (0)
                   : slot >= SP_BD_S_MONTH (0) ? slot - SP_BD_S_MONTH (0)
                   : slot >= SP_BD_S_QUARTER (0) ? slot - SP_BD_S_QUARTER (0) : 0;
  mismatch.relation = relation;
  mismatch.amount = amount;
  mismatch.expected = expected;
  g_array_append_val (out, mismatch);
}

/* A series against its own periods: months, quarters, weeks and the weeks' parts. */
static void
check_series (const SpBdModel *model,
              guint            s,
              gint64          *scratch,
              gint64          *weeks,
              GArray          *out)
{
  const SpBdLayout *layout = model->layout;
  const gint64 *stored = model->stored + (gsize) s * model->slot_stride;
  gint64 months = 0;
  gint64 all_weeks = 0;

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    months += stored[SP_BD_S_MONTH (m)];
  add_mismatch (out, model, s, SP_BD_S_YEAR, SP_BREAKDOWN_RELATION_PERIODS,
                stored[SP_BD_S_YEAR], months);
  for (guint q = 0; q < 4; q++)
    add_mismatch (out, model, s, SP_BD_S_QUARTER (q), SP_BREAKDOWN_RELATION_PERIODS,
                  stored[SP_BD_S_QUARTER (q)],
                  stored[SP_BD_S_MONTH (q * 3)] + stored[SP_BD_S_MONTH (q * 3 + 1)]
                  + stored[SP_BD_S_MONTH (q * 3 + 2)]);

  for (guint w = 0; w < layout->n_weeks; w++)
    {
      weeks[w] = stored[SP_BD_S_WEEK (w)];
      all_weeks += weeks[w];
    }
  add_mismatch (out, model, s, SP_BD_S_YEAR, SP_BREAKDOWN_RELATION_WEEKS,
                stored[SP_BD_S_YEAR], all_weeks);

  /* Each week's part of a month is what the month leaves it: none may be negative. */
  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    scratch[SP_BD_V_MONTH (m)] = stored[SP_BD_S_MONTH (m)];
  if (sp_bd_parts_from_weeks (model, scratch, weeks))
    return;
  for (guint w = 0; w < layout->n_weeks; w++)
    {
      gint64 fitting = 0;

      for (guint p = layout->week_part[w]; p < layout->week_part[w + 1]; p++)
        fitting += MAX (scratch[SP_BD_V_PART (p)], 0);
      add_mismatch (out, model, s, SP_BD_S_WEEK (w), SP_BREAKDOWN_RELATION_WEEKS, weeks[w],
                    fitting);
    }
}

GArray *
sp_breakdown_check (SpBreakdown  *self,
                    GError      **error)
{
  g_autoptr(GArray) out = NULL;
  g_autofree gint64 *scratch = NULL;
  g_autofree gint64 *weeks = NULL;
  SpBdModel *model;

  g_return_val_if_fail (SP_IS_BREAKDOWN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  model = sp_breakdown_get_model (self, error);
  if (model == NULL)
    return NULL;

  out = g_array_new (FALSE, FALSE, sizeof (SpBreakdownMismatch));
  if (sp_bd_model_n_series (model) == 0)
    return g_steal_pointer (&out);

  add_mismatch (out, model, 0, SP_BD_S_YEAR, SP_BREAKDOWN_RELATION_TARGET,
                model->stored[SP_BD_S_YEAR], sp_breakdown_get_target (self));

  scratch = g_new0 (gint64, model->value_stride);
  weeks = g_new0 (gint64, MAX (model->layout->n_weeks, 1));
  for (guint s = 0; s < sp_bd_model_n_series (model); s++)
    check_series (model, s, scratch, weeks, out);

  for (guint f = 0; f < model->families->len; f++)
    {
      SpBdFamily *family = sp_bd_family (model, f);

      for (guint slot = 0; slot < model->slot_stride; slot++)
        {
          gint64 sum = 0;

          for (guint i = 0; i < family->members->len; i++)
            sum += model->stored[(gsize) sp_bd_family_member (model, f, i) * model->slot_stride
                                 + slot];
          add_mismatch (out, model, family->parent, slot, SP_BREAKDOWN_RELATION_MEMBERS,
                        model->stored[(gsize) family->parent * model->slot_stride + slot], sum);
        }
    }

  return g_steal_pointer (&out);
}

/* Writing. */

/* Rows staged by one INSERT: far fewer statements, well under SQLite's 32766 parameters. */
#define STAGE_ROWS 256

/* The changed cells are staged in a TEMP table and written by one UPDATE, recorded
 * for undo as one entry: a team-wide edit changes some 35 000 cells, which one UPDATE and
 * one undo row each would take hundreds of milliseconds to write. */
gboolean
sp_bd_write_cells (sqlite3          *db,
                   const SpBdModel  *model,
                   const SpBdChange *changes,
                   guint             n_changes,
                   GError          **error)
{
  static const char * const columns[] = { "amount", "locked", NULL };
  g_autoptr(sqlite3_stmt) stage = NULL;

  if (n_changes == 0)
    return TRUE;

  if (!sp_sql_exec (db,
                    "CREATE TEMP TABLE IF NOT EXISTS sp_bd_cell_change ("
                    "  id     INTEGER PRIMARY KEY,"
                    "  amount INTEGER NOT NULL,"
                    "  locked INTEGER NOT NULL"
                    ");"
                    "DELETE FROM temp.sp_bd_cell_change;", error))
    return FALSE;

  for (guint first = 0; first < n_changes; first += STAGE_ROWS)
    {
      guint n = MIN (STAGE_ROWS, n_changes - first);

      if (stage == NULL || n != STAGE_ROWS)
        {
          g_autoptr(GString) sql =
            g_string_new ("INSERT INTO temp.sp_bd_cell_change (id, amount, locked) VALUES ");

          for (guint i = 0; i < n; i++)
            g_string_append (sql, i ? ",(?,?,?)" : "(?,?,?)");
          g_clear_pointer (&stage, sqlite3_finalize);
          stage = sp_sql_prepare (db, sql->str, error);
          if (stage == NULL)
            return FALSE;
        }

      for (guint i = 0; i < n; i++)
        {
          const SpBdChange *change = &changes[first + i];
          gsize k = (gsize) change->series * model->slot_stride + change->slot;

          sqlite3_bind_int64 (stage, 3 * i + 1, model->ids[k]);
          sqlite3_bind_int64 (stage, 3 * i + 2, change->amount);
          sqlite3_bind_int (stage, 3 * i + 3, model->locks[k]);
        }
      if (sqlite3_step (stage) != SQLITE_DONE)
        return sp_sql_set_error (db, error, _("Could not save the breakdown"));
      sqlite3_reset (stage);
    }

  return sp_undo_bulk_update (db, "breakdown_cell", columns, "sp_bd_cell_change", error)
         && sp_sql_exec (db, "DELETE FROM temp.sp_bd_cell_change;", error);
}
