/* sp-breakdown-fit.c — the breakdown's families (team → regions → reps, team → products,
 * team → customer types): their two-way tables, and how an edit travels through them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-breakdown-private.h"

/* What an edit of a member fixes in its family before the family is refitted. */
typedef struct
{
  int      series;       /* the edited member */
  gboolean year;         /* its year was edited: the family's years are rebalanced */
  gint64   year_amount;
  gboolean months;       /* its months are set: the other members absorb the change */
  guint    part_months;  /* bit m: its parts in month m are set */
} Pins;

static gboolean
series_changed (SpBdModel    *model,
                guint         s,
                const gint64 *before)
{
  return memcmp (sp_bd_values (model, s), before + (gsize) s * model->value_stride,
                 model->value_stride * sizeof (gint64)) != 0;
}

static inline const gint64 *
before_values (SpBdModel    *model,
               const gint64 *before,
               guint         s)
{
  return before + (gsize) s * model->value_stride;
}

static gboolean
refuse (GError     **error,
        gint64      *excess,
        gint64       amount,
        gboolean     over)
{
  if (excess != NULL)
    *excess = amount;

  if (over)
    g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED,
                         _("The locked cells add up to more than a total they belong to. "
                           "Unlock a cell or lower a locked amount."));
  else
    g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED,
                         _("The locked cells leave no room for part of a total they belong "
                           "to. Unlock a cell to take up the difference."));
  return FALSE;
}

static gboolean
keeps_pins (const gboolean *pinned,
            const gint64   *out,
            gsize           n_cells)
{
  for (gsize k = 0; k < n_cells; k++)
    if (pinned[k] && out[k] != 0)
      return FALSE;

  return TRUE;
}

/* Completes @table (free cells only; rows and columns at most their totals @r and @c) so that
 * they reach their totals, moving units along augmenting paths — a row short of its total
 * adds to a free cell, whose column gives a unit back from another row's cell, and so on until
 * a column short of its total is reached — as a maximum flow does. Returns what could not be
 * placed: 0 when the free cells can carry the totals. */
static gint64
complete_table (guint           n_rows,
                guint           n_cols,
                const gint64   *r,
                const gint64   *c,
                const gboolean *pinned,
                gint64         *table)
{
  guint n_nodes = n_rows + n_cols;
  g_autofree gint64 *row_left = g_memdup2 (r, n_rows * sizeof *r);
  g_autofree gint64 *col_left = g_memdup2 (c, n_cols * sizeof *c);
  g_autofree guint *prev = g_new (guint, n_nodes);
  g_autofree guint *queue = g_new (guint, n_nodes);
  gint64 left = 0;

  for (guint i = 0; i < n_rows; i++)
    for (guint j = 0; j < n_cols; j++)
      {
        row_left[i] -= table[(gsize) i * n_cols + j];
        col_left[j] -= table[(gsize) i * n_cols + j];
      }
  for (guint i = 0; i < n_rows; i++)
    left += row_left[i];

  while (left > 0)
    {
      guint head = 0, tail = 0, end = G_MAXUINT, start;
      gint64 amount;

      for (guint v = 0; v < n_nodes; v++)
        prev[v] = G_MAXUINT;
      for (guint i = 0; i < n_rows; i++)
        if (row_left[i] > 0)
          {
            prev[i] = i;
            queue[tail++] = i;
          }

      while (head < tail && end == G_MAXUINT)
        {
          guint u = queue[head++];

          if (u < n_rows)
            {
              for (guint j = 0; j < n_cols && end == G_MAXUINT; j++)
                {
                  if (prev[n_rows + j] != G_MAXUINT || pinned[(gsize) u * n_cols + j])
                    continue;
                  prev[n_rows + j] = u;
                  if (col_left[j] > 0)
                    end = n_rows + j;
                  else
                    queue[tail++] = n_rows + j;
                }
            }
          else
            {
              for (guint i = 0; i < n_rows; i++)
                if (prev[i] == G_MAXUINT && table[(gsize) i * n_cols + (u - n_rows)] > 0)
                  {
                    prev[i] = u;
                    queue[tail++] = i;
                  }
            }
        }
      if (end == G_MAXUINT)
        break;

      /* Row → column steps add to a cell, column → row steps take from one. */
      amount = col_left[end - n_rows];
      for (start = end; prev[start] != start; start = prev[start])
        if (start < n_rows)
          amount = MIN (amount, table[(gsize) start * n_cols + (prev[start] - n_rows)]);
      amount = MIN (amount, row_left[start]);

      for (guint v = end; prev[v] != v; v = prev[v])
        {
          if (v >= n_rows)
            table[(gsize) prev[v] * n_cols + (v - n_rows)] += amount;
          else
            table[(gsize) v * n_cols + (prev[v] - n_rows)] -= amount;
        }
      row_left[start] -= amount;
      col_left[end - n_rows] -= amount;
      left -= amount;
    }

  return left;
}

/* A two-way table with fixed row and column totals in which the @pinned cells keep their
 * values (in @cells); the others are refilled by IPF from @seed (changed here: pinned
 * cells are not seeded, and a row or column with nothing seeded where it may go is seeded
 * equally there). */
static gboolean
fit_table (guint           n_rows,
           guint           n_cols,
           const gint64   *rows,
           const gint64   *cols,
           const gboolean *pinned,
           gint64         *cells,
           double         *seed,
           gint64         *excess,
           GError        **error)
{
  gsize n_cells = (gsize) n_rows * n_cols;
  g_autofree gint64 *r = g_new (gint64, n_rows);
  g_autofree gint64 *c = g_new (gint64, n_cols);
  g_autofree gint64 *out = g_new0 (gint64, MAX (n_cells, 1));
  gint64 over = 0;

  memcpy (r, rows, n_rows * sizeof *r);
  memcpy (c, cols, n_cols * sizeof *c);
  for (guint i = 0; i < n_rows; i++)
    for (guint j = 0; j < n_cols; j++)
      {
        gsize k = (gsize) i * n_cols + j;

        if (pinned[k])
          {
            r[i] -= cells[k];
            c[j] -= cells[k];
            seed[k] = 0;
          }
      }

  for (guint i = 0; i < n_rows; i++)
    over = MAX (over, -r[i]);
  for (guint j = 0; j < n_cols; j++)
    over = MAX (over, -c[j]);
  if (over > 0)
    return refuse (error, excess, over, TRUE);

  /* Each remaining row total needs free cells in columns with room, and seed in them. */
  for (guint i = 0; i < n_rows; i++)
    {
      gint64 room = 0;
      double seeded = 0;

      if (r[i] == 0)
        continue;
      for (guint j = 0; j < n_cols; j++)
        if (!pinned[(gsize) i * n_cols + j] && c[j] > 0)
          {
            room += c[j];
            seeded += seed[(gsize) i * n_cols + j];
          }
      if (room < r[i])
        return refuse (error, excess, room - r[i], FALSE);
      for (guint j = 0; seeded == 0 && j < n_cols; j++)
        if (!pinned[(gsize) i * n_cols + j] && c[j] > 0)
          seed[(gsize) i * n_cols + j] = 1;
    }
  for (guint j = 0; j < n_cols; j++)
    {
      gint64 room = 0;
      double seeded = 0;

      if (c[j] == 0)
        continue;
      for (guint i = 0; i < n_rows; i++)
        if (!pinned[(gsize) i * n_cols + j] && r[i] > 0)
          {
            room += r[i];
            seeded += seed[(gsize) i * n_cols + j];
          }
      if (room < c[j])
        return refuse (error, excess, room - c[j], FALSE);
      for (guint i = 0; seeded == 0 && i < n_rows; i++)
        if (!pinned[(gsize) i * n_cols + j] && r[i] > 0)
          seed[(gsize) i * n_cols + j] = 1;
    }

  if (!sp_allocation_ipf (r, n_rows, c, n_cols, seed, out, NULL, error))
    {
      if (excess != NULL)
        *excess = 0;
      return FALSE;
    }

  /* When the seed's zeros leave no fit, the rounding may have put units on locked cells:
   * take them off and place them through the free cells, or say how much cannot be placed. */
  if (!keeps_pins (pinned, out, n_cells))
    {
      gint64 short_by;

      for (gsize k = 0; k < n_cells; k++)
        if (pinned[k])
          out[k] = 0;
      short_by = complete_table (n_rows, n_cols, r, c, pinned, out);
      if (short_by > 0)
        return refuse (error, excess, -short_by, FALSE);
    }

  for (gsize k = 0; k < n_cells; k++)
    if (!pinned[k])
      cells[k] = out[k];

  return TRUE;
}

/* Members x months: rows are the members' years, columns the parent's months. */
static gboolean
fit_months (SpBdModel  *model,
            guint       f,
            int         pin_row,
            gint64     *excess,
            GError    **error)
{
  SpBdFamily *family = sp_bd_family (model, f);
  guint n = family->members->len;
  const gint64 *parent = sp_bd_values (model, family->parent);
  g_autofree gint64 *rows = g_new (gint64, n);
  g_autofree gint64 *cells = g_new (gint64, n * SP_BD_N_MONTHS);
  g_autofree gboolean *pinned = g_new (gboolean, n * SP_BD_N_MONTHS);
  g_autofree double *seed = g_new (double, n * SP_BD_N_MONTHS);

  for (guint i = 0; i < n; i++)
    {
      guint s = sp_bd_family_member (model, f, i);
      const gint64 *v = sp_bd_values (model, s);
      const guint8 *locks = sp_bd_locks (model, s);
      const gint64 *weights = sp_bd_weights (model, s);

      rows[i] = v[SP_BD_V_YEAR];
      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        {
          gsize k = (gsize) i * SP_BD_N_MONTHS + m;
          gint64 w = weights[SP_BD_S_MONTH (m)];

          double factor = sp_bd_month_factor (model, s, m);

          cells[k] = v[SP_BD_V_MONTH (m)];
          pinned[k] = (int) i == pin_row || locks[SP_BD_S_MONTH (m)]
                      || locks[SP_BD_S_QUARTER (m / 3)];
          seed[k] = (w == SP_BD_NO_WEIGHT ? 1.0 : (double) MAX (w, 0)) * factor;
          /* A month the member is not on the team in stays 0, whatever else moves. */
          if (factor == 0)
            {
              cells[k] = 0;
              pinned[k] = TRUE;
            }
        }
    }

  if (!fit_table (n, SP_BD_N_MONTHS, rows, parent + SP_BD_V_MONTH (0), pinned, cells, seed,
                  excess, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    memcpy (sp_bd_values (model, sp_bd_family_member (model, f, i)) + SP_BD_V_MONTH (0),
            cells + (gsize) i * SP_BD_N_MONTHS, SP_BD_N_MONTHS * sizeof (gint64));

  return TRUE;
}

/* Members x the parts of month @month: rows are the members' months, columns the parent's
 * parts; locked weeks keep their parts. */
static gboolean
fit_parts (SpBdModel  *model,
           guint       f,
           guint       month,
           int         pin_row,
           gint64     *excess,
           GError    **error)
{
  const SpBdLayout *layout = model->layout;
  SpBdFamily *family = sp_bd_family (model, f);
  guint n = family->members->len;
  guint first = layout->month_part[month];
  guint k_parts = layout->month_part[month + 1] - first;
  const gint64 *parent = sp_bd_values (model, family->parent);
  g_autofree gint64 *rows = g_new (gint64, n);
  g_autofree gint64 *cells = g_new (gint64, n * k_parts);
  g_autofree gboolean *pinned = g_new (gboolean, n * k_parts);
  g_autofree double *seed = g_new (double, n * k_parts);

  for (guint i = 0; i < n; i++)
    {
      guint s = sp_bd_family_member (model, f, i);
      const gint64 *v = sp_bd_values (model, s);
      const guint8 *locks = sp_bd_locks (model, s);

      rows[i] = v[SP_BD_V_MONTH (month)];
      for (guint j = 0; j < k_parts; j++)
        {
          gsize k = (gsize) i * k_parts + j;

          double factor = sp_bd_part_factor (model, s, first + j);

          cells[k] = v[SP_BD_V_PART (first + j)];
          pinned[k] = (int) i == pin_row || locks[SP_BD_S_WEEK (layout->parts[first + j].week)];
          seed[k] = factor;
          if (factor == 0)
            {
              cells[k] = 0;
              pinned[k] = TRUE;
            }
        }
    }

  if (!fit_table (n, k_parts, rows, parent + SP_BD_V_PART (first), pinned, cells, seed, excess,
                  error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    memcpy (sp_bd_values (model, sp_bd_family_member (model, f, i)) + SP_BD_V_PART (first),
            cells + (gsize) i * k_parts, k_parts * sizeof (gint64));

  return TRUE;
}

static void
member_year_weights (SpBdModel *model,
                     guint      f,
                     gint64    *values,
                     gboolean  *locked,
                     gint64    *weights)
{
  SpBdFamily *family = sp_bd_family (model, f);

  for (guint i = 0; i < family->members->len; i++)
    {
      guint s = sp_bd_family_member (model, f, i);
      gint64 w = sp_bd_weights (model, s)[SP_BD_S_YEAR];

      values[i] = sp_bd_values (model, s)[SP_BD_V_YEAR];
      locked[i] = sp_bd_locks (model, s)[SP_BD_S_YEAR];
      weights[i] = w == SP_BD_NO_WEIGHT ? 1 : MAX (w, 0);
    }
}

/* Splits the parent's year over the family's members by their weights (@edited >= 0: that
 * member takes @amount and the others are rebalanced), then keeps each member within what
 * the parent's months it is on the team in can hold: a member above that is held there, as
 * if locked, and the others are split again. (A leaver's share of the year can be more than
 * the parent has in the months before they leave when the year is very seasonal.) */
static gboolean
split_years (SpBdModel       *model,
             guint            f,
             gint64           total,
             const gint64    *values,
             const gboolean  *locked,
             const gint64    *weights,
             int              edited,
             gint64           amount,
             gint64          *out,
             gint64          *excess,
             GError         **error)
{
  SpBdFamily *family = sp_bd_family (model, f);
  guint n = family->members->len;
  const gint64 *pv = sp_bd_values (model, family->parent);
  g_autofree gint64 *caps = g_new0 (gint64, n);
  g_autofree gint64 *held_values = g_memdup2 (values, n * sizeof *values);
  g_autofree gboolean *held = g_memdup2 (locked, n * sizeof *locked);

  for (guint i = 0; i < n; i++)
    {
      guint s = sp_bd_family_member (model, f, i);

      for (guint m = 0; m < SP_BD_N_MONTHS; m++)
        if (sp_bd_month_factor (model, s, m) > 0)
          caps[i] += pv[SP_BD_V_MONTH (m)];
    }

  for (;;)
    {
      gboolean again = FALSE;
      gboolean ok;

      if (edited >= 0)
        ok = sp_allocation_rebalance (total, held_values, held, weights, n, (guint) edited,
                                      amount, out, excess, error);
      else
        ok = sp_allocate (total, weights, held_values, held, n, out, excess, error);
      if (!ok)
        return FALSE;

      for (guint i = 0; i < n; i++)
        if (!held[i] && (int) i != edited && out[i] > caps[i])
          {
            held[i] = TRUE;
            held_values[i] = caps[i];
            again = TRUE;
          }
      if (!again)
        return TRUE;
    }
}

/* Brings family @f in line with its parent: the members' years (when the parent's year
 * changed or a member's year was edited), their months (when years or parent months
 * changed) and their parts (for each month whose totals changed). */
static gboolean
refit_family (SpBdModel    *model,
              guint         f,
              const gint64 *before,
              const Pins   *pins,
              gint64       *excess,
              GError      **error)
{
  const SpBdLayout *layout = model->layout;
  SpBdFamily *family = sp_bd_family (model, f);
  guint n = family->members->len;
  const gint64 *pv = sp_bd_values (model, family->parent);
  const gint64 *pb = before_values (model, before, family->parent);
  int pin_row = -1;
  gboolean rows_changed = FALSE;
  gboolean cols_changed = FALSE;

  if (pins != NULL && pins->series >= 0 && sp_bd_series (model, pins->series)->family == (int) f)
    pin_row = (int) sp_bd_series (model, pins->series)->row;

  if ((pin_row >= 0 && pins->year) || pv[SP_BD_V_YEAR] != pb[SP_BD_V_YEAR])
    {
      g_autofree gint64 *values = g_new (gint64, n);
      g_autofree gboolean *locked = g_new (gboolean, n);
      g_autofree gint64 *weights = g_new (gint64, n);
      g_autofree gint64 *out = g_new (gint64, n);
      gboolean ok;

      member_year_weights (model, f, values, locked, weights);
      if (pin_row >= 0 && pins->year)
        ok = split_years (model, f, pv[SP_BD_V_YEAR], values, locked, weights, pin_row,
                          pins->year_amount, out, excess, error);
      else
        ok = split_years (model, f, pv[SP_BD_V_YEAR], values, locked, weights, -1, 0, out,
                          excess, error);
      if (!ok)
        return FALSE;

      for (guint i = 0; i < n; i++)
        sp_bd_values (model, sp_bd_family_member (model, f, i))[SP_BD_V_YEAR] = out[i];
    }

  for (guint i = 0; i < n && !rows_changed; i++)
    {
      guint s = sp_bd_family_member (model, f, i);

      rows_changed = sp_bd_values (model, s)[SP_BD_V_YEAR]
                     != before_values (model, before, s)[SP_BD_V_YEAR];
    }
  for (guint m = 0; m < SP_BD_N_MONTHS && !cols_changed; m++)
    cols_changed = pv[SP_BD_V_MONTH (m)] != pb[SP_BD_V_MONTH (m)];

  if (rows_changed || cols_changed || (pin_row >= 0 && pins->months))
    {
      if (!fit_months (model, f, pin_row >= 0 && pins->months ? pin_row : -1, excess, error))
        return FALSE;
    }

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    {
      gboolean pin_parts = pin_row >= 0 && (pins->part_months & (1u << m)) != 0;
      gboolean changed = pin_parts;

      for (guint p = layout->month_part[m]; p < layout->month_part[m + 1] && !changed; p++)
        changed = pv[SP_BD_V_PART (p)] != pb[SP_BD_V_PART (p)];
      for (guint i = 0; i < n && !changed; i++)
        {
          guint s = sp_bd_family_member (model, f, i);

          changed = sp_bd_values (model, s)[SP_BD_V_MONTH (m)]
                    != before_values (model, before, s)[SP_BD_V_MONTH (m)];
        }

      if (changed && !fit_parts (model, f, m, pin_parts ? pin_row : -1, excess, error))
        return FALSE;
    }

  return TRUE;
}

/* Re-derives every family below series @s whose totals the edit changed. */
static gboolean
derive_below (SpBdModel    *model,
              guint         s,
              const gint64 *before,
              gint64       *excess,
              GError      **error)
{
  if (!series_changed (model, s, before))
    return TRUE;

  for (guint f = 0; f < model->families->len; f++)
    {
      SpBdFamily *family = sp_bd_family (model, f);

      if (family->parent != s)
        continue;
      if (!refit_family (model, f, before, NULL, excess, error))
        return FALSE;
      for (guint i = 0; i < family->members->len; i++)
        if (!derive_below (model, sp_bd_family_member (model, f, i), before, excess, error))
          return FALSE;
    }

  return TRUE;
}

/* The team's months changed: their days follow. */
static gboolean
split_changed_months (SpBdModel    *model,
                      guint         s,
                      const gint64 *before,
                      gint64       *excess,
                      GError      **error)
{
  const gint64 *v = sp_bd_values (model, s);
  const gint64 *b = before_values (model, before, s);

  for (guint m = 0; m < SP_BD_N_MONTHS; m++)
    if (v[SP_BD_V_MONTH (m)] != b[SP_BD_V_MONTH (m)]
        && !sp_bd_row_split_month_days (model, s, m, excess, error))
      return FALSE;

  return TRUE;
}

gboolean
sp_bd_apply_edit (SpBdModel          *model,
                  guint               s,
                  SpBreakdownPeriod   period,
                  guint               index,
                  gint64              amount,
                  const gint64       *before,
                  gint64             *excess,
                  GError            **error)
{
  SpBdSeries *series = sp_bd_series (model, s);
  Pins pins = { (int) s, FALSE, 0, FALSE, 0 };
  guint months = 0;
  gboolean ok = FALSE;

  switch (period)
    {
    case SP_BREAKDOWN_PERIOD_YEAR:
      if (series->family < 0)
        ok = sp_bd_row_split_year (model, s, amount, excess, error);
      else
        {
          pins.year = TRUE;
          pins.year_amount = amount;
          ok = TRUE;
        }
      break;
    case SP_BREAKDOWN_PERIOD_QUARTER:
      ok = sp_bd_row_set_quarter (model, s, index, amount, excess, error);
      pins.months = TRUE;
      break;
    case SP_BREAKDOWN_PERIOD_MONTH:
      ok = sp_bd_row_set_month (model, s, index, amount, excess, error);
      pins.months = TRUE;
      break;
    case SP_BREAKDOWN_PERIOD_WEEK:
      ok = sp_bd_row_set_week (model, s, index, amount, &months, excess, error);
      pins.part_months = months;
      break;
    case SP_BREAKDOWN_PERIOD_DAY:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return FALSE;

  if (series->family < 0)
    return (period == SP_BREAKDOWN_PERIOD_WEEK
            || split_changed_months (model, s, before, excess, error))
           && derive_below (model, s, before, excess, error);

  if (!refit_family (model, (guint) series->family, before, &pins, excess, error))
    return FALSE;

  {
    SpBdFamily *family = sp_bd_family (model, (guint) series->family);

    for (guint i = 0; i < family->members->len; i++)
      if (!derive_below (model, sp_bd_family_member (model, (guint) series->family, i), before,
                         excess, error))
        return FALSE;
  }

  return TRUE;
}

gboolean
sp_bd_compute_all (SpBdModel  *model,
                   gint64      target,
                   GError    **error)
{
  g_autofree gint64 *before = g_new0 (gint64, MAX (sp_bd_model_values_size (model), 1));

  g_return_val_if_fail (sp_bd_model_n_series (model) > 0, FALSE);
  g_assert (sp_bd_series (model, 0)->family < 0);

  return sp_bd_row_split_year (model, 0, target, NULL, error)
         && split_changed_months (model, 0, before, NULL, error)
         && derive_below (model, 0, before, NULL, error);
}
