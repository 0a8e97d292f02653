/* sp-allocation-ipf.c — two-way tables (e.g. region x month) by iterative proportional fitting,
 * rounded so that every row and every column still sums exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-allocation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sp-allocation-private.h"

#define IPF_MAX_SWEEPS 1000
#define IPF_TOLERANCE  1e-9

/* Iterative proportional fitting: alternately scale the rows and the columns of the seed to
 * their totals. Zero-total rows and columns are zero; a positive row (column) with no seed
 * left in positive columns (rows) is seeded equally, so every positive margin has a
 * positive cell to scale. */
static double *
fit_table (const gint64 *rows,
           guint         n_rows,
           const gint64 *cols,
           guint         n_cols,
           const double *seed)
{
  double *x = g_new (double, (gsize) n_rows * n_cols);
  double last_units = INFINITY;

  for (guint i = 0; i < n_rows; i++)
    {
      double *row = x + (gsize) i * n_cols;
      double largest = 0;

      for (guint j = 0; j < n_cols; j++)
        {
          if (rows[i] == 0 || cols[j] == 0)
            row[j] = 0;
          else
            row[j] = seed != NULL ? seed[(gsize) i * n_cols + j] : 1;
          largest = MAX (largest, row[j]);
        }
      /* Each row's largest seed becomes 1, so tiny seeds cannot overflow the scale. */
      for (guint j = 0; j < n_cols; j++)
        row[j] = largest > 0 ? row[j] / largest : rows[i] > 0 && cols[j] > 0 ? 1 : 0;
    }
  for (guint j = 0; j < n_cols; j++)
    {
      gboolean empty = TRUE;

      for (guint i = 0; i < n_rows && empty; i++)
        empty = x[(gsize) i * n_cols + j] == 0;
      for (guint i = 0; i < n_rows && empty && cols[j] > 0; i++)
        x[(gsize) i * n_cols + j] = rows[i] > 0 ? 1 : 0;
    }

  for (guint sweep = 0; sweep < IPF_MAX_SWEEPS; sweep++)
    {
      double worst = 0;
      double worst_units = 0;

      for (guint i = 0; i < n_rows; i++)
        {
          double *row = x + (gsize) i * n_cols;
          double sum = 0;

          for (guint j = 0; j < n_cols; j++)
            sum += row[j];
          if (sum > 0)
            for (guint j = 0; j < n_cols; j++)
              row[j] *= (double) rows[i] / sum;
        }
      for (guint j = 0; j < n_cols; j++)
        {
          double sum = 0;

          for (guint i = 0; i < n_rows; i++)
            sum += x[(gsize) i * n_cols + j];
          if (sum > 0)
            for (guint i = 0; i < n_rows; i++)
              x[(gsize) i * n_cols + j] *= (double) cols[j] / sum;
        }
      /* Columns are exact after their sweep; the rows say how far the fit still is. */
      for (guint i = 0; i < n_rows; i++)
        {
          double sum = 0;

          if (rows[i] == 0)
            continue;
          for (guint j = 0; j < n_cols; j++)
            sum += x[(gsize) i * n_cols + j];
          worst = MAX (worst, fabs (sum - (double) rows[i]) / (double) rows[i]);
          worst_units = MAX (worst_units, fabs (sum - (double) rows[i]));
        }
      /* 1e-9 of a large total can still be a good part of a unit, which the rounding would
       * feel: go on to a thousandth of a unit, or until the doubles stop improving. */
      if (worst <= IPF_TOLERANCE && (worst_units <= 1e-3 || worst_units >= last_units))
        break;
      last_units = worst_units;
    }

  return x;
}

/* Rounding a real table with integer margins to an integer table with the same margins.
 *
 * Start from the floors (never more than a row or column still has room for), so every row
 * and every column is short by some units, and the rows are short by as many in all as the
 * columns. A unit moves along an alternating path: from a short row i to column j by adding
 * to cell (i,j), on from column j to row k by taking from cell (k,j), from row k to column
 * m by adding to (k,m)…, ending at a short column. Every inner row and column keeps its sum;
 * the start row and the end column each get one unit closer.
 *
 * Tight paths keep each cell within [floor, floor + 1], and a cell whose fit is 0 at 0. When
 * the real fit has exact margins, a tight path exists as long as some row is short: the fit
 * lies in that box, the transportation polytope with integer margins and integer bounds has
 * integer vertices, so some integer table B in the box has both margins; B minus the current
 * table decomposes into alternating paths from the short rows to the short columns whose
 * every step stays in the box, and breadth-first search finds one. A greedy first pass
 * places most units (each row takes the columns still short in order of its largest
 * fractional parts, ties to the earlier column); the paths place the rest.
 *
 * Floating-point noise, or a seed whose zeros the margins cannot fit (the fit then does not
 * converge), can leave no tight path: then the bounds are relaxed to [0, ∞), where a short
 * row can always feed a short column directly. */
typedef struct
{
  guint         n_rows;
  guint         n_cols;
  gint64       *cell;       /* the integer table */
  gint64       *base;       /* floor of the fit */
  const double *frac;       /* fit - floor; -1 where the fit is 0 */
  gint64       *row_need;   /* row total - row sum, >= 0 */
  gint64       *col_need;   /* column total - column sum, >= 0 */
  guint        *prev;       /* path search: node reached from, or G_MAXUINT */
  guint        *queue;
} Rounding;

/* How many units a path may add to (take from) cell @k. */
static gint64
room_to_increase (const Rounding *r,
                  gsize           k,
                  gboolean        relaxed)
{
  if (relaxed)
    return G_MAXINT64;
  if (r->frac[k] < 0)
    return 0;
  return MAX (r->base[k] + 1 - r->cell[k], 0);
}

static gint64
room_to_decrease (const Rounding *r,
                  gsize           k,
                  gboolean        relaxed)
{
  return MAX (r->cell[k] - (relaxed ? 0 : r->base[k]), 0);
}

/* Nodes: rows 0 … n_rows - 1, then the columns. Moves as many units as the ends and the
 * cells on the way allow: one on a tight path, possibly many on a relaxed one. */
static void
apply_path (Rounding *r,
            guint     start,
            guint     end,
            gboolean  relaxed)
{
  gint64 amount = MIN (r->row_need[start], r->col_need[end - r->n_rows]);

  for (guint v = end; v != start; v = r->prev[v])
    {
      guint u = r->prev[v];

      if (u < r->n_rows)
        amount = MIN (amount, room_to_increase (r, (gsize) u * r->n_cols + (v - r->n_rows), relaxed));
      else
        amount = MIN (amount, room_to_decrease (r, (gsize) v * r->n_cols + (u - r->n_rows), relaxed));
    }
  g_assert (amount > 0);

  for (guint v = end; v != start; v = r->prev[v])
    {
      guint u = r->prev[v];

      if (u < r->n_rows)
        r->cell[(gsize) u * r->n_cols + (v - r->n_rows)] += amount;
      else
        r->cell[(gsize) v * r->n_cols + (u - r->n_rows)] -= amount;
    }
  r->row_need[start] -= amount;
  r->col_need[end - r->n_rows] -= amount;
}

static gboolean
augment (Rounding *r,
         guint     start,
         gboolean  relaxed)
{
  guint head = 0;
  guint tail = 0;

  for (guint v = 0; v < r->n_rows + r->n_cols; v++)
    r->prev[v] = G_MAXUINT;
  r->prev[start] = start;
  r->queue[tail++] = start;

  while (head < tail)
    {
      guint u = r->queue[head++];

      if (u < r->n_rows)
        {
          for (guint j = 0; j < r->n_cols; j++)
            {
              guint v = r->n_rows + j;

              if (r->prev[v] != G_MAXUINT
                  || room_to_increase (r, (gsize) u * r->n_cols + j, relaxed) == 0)
                continue;
              r->prev[v] = u;
              if (r->col_need[j] > 0)
                {
                  apply_path (r, start, v, relaxed);
                  return TRUE;
                }
              r->queue[tail++] = v;
            }
        }
      else
        {
          guint j = u - r->n_rows;

          for (guint i = 0; i < r->n_rows; i++)
            {
              if (r->prev[i] != G_MAXUINT
                  || room_to_decrease (r, (gsize) i * r->n_cols + j, relaxed) == 0)
                continue;
              r->prev[i] = u;
              r->queue[tail++] = i;
            }
        }
    }

  return FALSE;
}

static void
fill_rows_greedily (Rounding *r)
{
  for (guint i = 0; i < r->n_rows; i++)
    {
      gsize row = (gsize) i * r->n_cols;

      while (r->row_need[i] > 0)
        {
          guint best = G_MAXUINT;

          for (guint j = 0; j < r->n_cols; j++)
            {
              if (r->col_need[j] == 0 || room_to_increase (r, row + j, FALSE) == 0)
                continue;
              if (best == G_MAXUINT || r->frac[row + j] > r->frac[row + best])
                best = j;
            }
          if (best == G_MAXUINT)
            break;

          r->cell[row + best]++;
          r->row_need[i]--;
          r->col_need[best]--;
        }
    }
}

static void
round_table (const gint64 *rows,
             guint         n_rows,
             const gint64 *cols,
             guint         n_cols,
             const double *x,
             gint64       *out)
{
  gsize n_cells = (gsize) n_rows * n_cols;
  g_autofree gint64 *base = g_new (gint64, n_cells);
  g_autofree double *frac = g_new (double, n_cells);
  g_autofree gint64 *row_need = g_new (gint64, n_rows);
  g_autofree gint64 *col_need = g_new (gint64, n_cols);
  g_autofree guint *prev = g_new (guint, n_rows + n_cols);
  g_autofree guint *queue = g_new (guint, n_rows + n_cols);
  Rounding r = { n_rows, n_cols, out, base, frac, row_need, col_need, prev, queue };

  memcpy (row_need, rows, n_rows * sizeof *rows);
  memcpy (col_need, cols, n_cols * sizeof *cols);

  for (guint i = 0; i < n_rows; i++)
    for (guint j = 0; j < n_cols; j++)
      {
        gsize k = (gsize) i * n_cols + j;
        gint64 room = MIN (row_need[i], col_need[j]);
        double value = isfinite (x[k]) && x[k] > 0 ? x[k] : 0;
        double whole = floor (value);

        if (value == 0)
          {
            /* A zero in the fit (a zero seed or margin) takes no units unless it must. */
            base[k] = 0;
            frac[k] = -1;
          }
        else if (whole >= (double) room)
          {
            base[k] = room;
            frac[k] = 0;
          }
        else
          {
            base[k] = (gint64) whole;
            frac[k] = value - whole;
          }
        out[k] = base[k];
        row_need[i] -= base[k];
        col_need[j] -= base[k];
      }

  fill_rows_greedily (&r);

  for (guint i = 0; i < n_rows; i++)
    {
      while (row_need[i] > 0)
        {
          if (!augment (&r, i, FALSE) && !augment (&r, i, TRUE))
            g_assert_not_reached ();
        }
    }
  for (guint j = 0; j < n_cols; j++)
    g_assert (col_need[j] == 0);
}

gboolean
sp_allocation_ipf (const gint64  *row_totals,
                   guint          n_rows,
                   const gint64  *col_totals,
                   guint          n_cols,
                   const double  *seed,
                   gint64        *out,
                   gint64        *out_difference,
                   GError       **error)
{
  g_autofree double *fit = NULL;
  g_autofree gint64 *result = NULL;
  Int128 row_sum = 0;
  Int128 col_sum = 0;
  gsize n_cells;

  g_return_val_if_fail (n_rows == 0 || row_totals != NULL, FALSE);
  g_return_val_if_fail (n_cols == 0 || col_totals != NULL, FALSE);
  g_return_val_if_fail (n_cols == 0 || n_rows <= G_MAXUINT / n_cols, FALSE);
  g_return_val_if_fail (n_rows == 0 || n_cols == 0 || out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_cells = (gsize) n_rows * n_cols;
  if (out_difference != NULL)
    *out_difference = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      if (row_totals[i] < 0)
        goto negative;
      row_sum += row_totals[i];
    }
  for (guint j = 0; j < n_cols; j++)
    {
      if (col_totals[j] < 0)
        goto negative;
      col_sum += col_totals[j];
    }
  for (gsize k = 0; seed != NULL && k < n_cells; k++)
    {
      if (!isfinite (seed[k]) || seed[k] < 0)
        {
          g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID,
                               _("The seed table may only hold numbers of zero or more."));
          return FALSE;
        }
    }

  if (row_sum != col_sum)
    {
      if (out_difference != NULL)
        *out_difference = sp_allocation_saturate (row_sum - col_sum);
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_MARGINS_DIFFER,
                           _("The row totals and the column totals do not add up to the "
                             "same amount. Change a total so that both sides agree."));
      return FALSE;
    }
  if (row_sum > G_MAXINT64)
    {
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID,
                           _("The totals are too large to split."));
      return FALSE;
    }
  if (n_cells == 0)
    return TRUE;

  fit = fit_table (row_totals, n_rows, col_totals, n_cols, seed);
  result = g_new (gint64, n_cells);
  round_table (row_totals, n_rows, col_totals, n_cols, fit, result);
  memcpy (out, result, n_cells * sizeof *out);

  return TRUE;

negative:
  g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID,
                       _("Row and column totals cannot be negative."));
  return FALSE;
}
