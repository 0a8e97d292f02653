/* bench-allocation.c — how long one cell edit takes to rebalance a large breakdown
 *
 * Usage: bench-allocation [ROUNDS]   (default: 200)
 *
 * One edit of a rep's yearly target in a 500-rep team: rebalance the 500-child split,
 * re-split the edited rep's year over 52 weeks, and refit a 20 x 12 region x month table by
 * IPF. The target for the three together is under 16 ms (one frame). Also shown, for scale:
 * re-splitting every rep's year over 52 weeks, and a 500 x 52 IPF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "sp-allocation.h"

#define N_REPS    500
#define N_WEEKS   52
#define N_REGIONS 20
#define N_MONTHS  12
#define TARGET_MS 16.0

typedef struct
{
  gint64   team_total;
  gint64   reps[N_REPS];
  gboolean locked[N_REPS];
  gint64   week_days[N_WEEKS];
  gint64   region_totals[N_REGIONS];
  gint64   month_totals[N_MONTHS];
  double   region_history[N_REGIONS * N_MONTHS];
  gint64   big_rows[N_REPS];
  gint64   big_cols[N_WEEKS];
  double   big_seed[N_REPS * N_WEEKS];
  guint    edited;
  gint64   new_value;
} Workload;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *samples,
        guint   n)
{
  qsort (samples, n, sizeof *samples, compare_doubles);
  return samples[n / 2];
}

static void
row (const char *what,
     double      ms)
{
  g_print ("%-40s %9.3f\n", what, ms);
}

static void
make_workload (Workload *w)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (500052);
  gint64 weights[N_REPS];
  gint64 month_weights[N_MONTHS];

  w->team_total = G_GINT64_CONSTANT (50000000000); /* ¥500,000,000.00 */
  for (guint i = 0; i < N_REPS; i++)
    {
      weights[i] = g_rand_int_range (rand, 50, 150);
      w->locked[i] = g_rand_int_range (rand, 0, 20) == 0;
      w->reps[i] = 0;
    }
  g_assert_true (sp_allocate (w->team_total, weights, NULL, NULL, N_REPS, w->reps, NULL, NULL));

  /* Five working days a week, a few holiday weeks. */
  for (guint k = 0; k < N_WEEKS; k++)
    w->week_days[k] = k == 5 || k == 39 ? 2 : k == 17 ? 4 : 5;

  for (guint m = 0; m < N_MONTHS; m++)
    month_weights[m] = g_rand_int_range (rand, 60, 140);
  for (guint r = 0; r < N_REGIONS; r++)
    weights[r] = g_rand_int_range (rand, 10, 100);
  g_assert_true (sp_allocate (w->team_total, weights, NULL, NULL, N_REGIONS, w->region_totals,
                              NULL, NULL));
  g_assert_true (sp_allocate (w->team_total, month_weights, NULL, NULL, N_MONTHS,
                              w->month_totals, NULL, NULL));
  for (guint k = 0; k < N_REGIONS * N_MONTHS; k++)
    w->region_history[k] = g_rand_int_range (rand, 0, 8) == 0 ? 0 : g_rand_double_range (rand, 1e5, 1e7);

  for (guint k = 0; k < N_WEEKS; k++)
    weights[k] = w->week_days[k];
  memcpy (w->big_rows, w->reps, sizeof w->big_rows);
  g_assert_true (sp_allocate (w->team_total, weights, NULL, NULL, N_WEEKS, w->big_cols, NULL,
                              NULL));
  for (guint k = 0; k < N_REPS * N_WEEKS; k++)
    w->big_seed[k] = g_rand_double_range (rand, 0.5, 2.0);

  w->edited = 123;
  w->locked[w->edited] = FALSE;
  w->new_value = w->reps[w->edited] + 1234567;
}

int
main (int argc, char *argv[])
{
  g_autofree Workload *w = g_new0 (Workload, 1);
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 200;
  g_autofree double *t_rebalance = NULL;
  g_autofree double *t_weeks = NULL;
  g_autofree double *t_ipf = NULL;
  g_autofree double *t_all_weeks = NULL;
  g_autofree double *t_big_ipf = NULL;
  g_autofree gint64 *big_out = g_new (gint64, N_REPS * N_WEEKS);
  double rebalance_ms, weeks_ms, ipf_ms, total_ms;

  if (rounds == 0)
    rounds = 1;
  t_rebalance = g_new (double, rounds);
  t_weeks = g_new (double, rounds);
  t_ipf = g_new (double, rounds);
  t_all_weeks = g_new (double, rounds);
  t_big_ipf = g_new (double, MIN (rounds, 20));
  make_workload (w);

  for (guint round = 0; round < rounds; round++)
    {
      gint64 reps[N_REPS];
      gint64 weeks[N_WEEKS];
      gint64 all_weeks[N_WEEKS];
      gint64 table[N_REGIONS * N_MONTHS];
      gint64 start;
      g_autoptr(GError) error = NULL;

      start = g_get_monotonic_time ();
      if (!sp_allocation_rebalance (w->team_total, w->reps, w->locked, w->reps, N_REPS,
                                    w->edited, w->new_value, reps, NULL, &error))
        g_error ("rebalance: %s", error->message);
      t_rebalance[round] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      if (!sp_allocate (reps[w->edited], w->week_days, NULL, NULL, N_WEEKS, weeks, NULL, &error))
        g_error ("weeks: %s", error->message);
      t_weeks[round] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      if (!sp_allocation_ipf (w->region_totals, N_REGIONS, w->month_totals, N_MONTHS,
                              w->region_history, table, NULL, &error))
        g_error ("ipf: %s", error->message);
      t_ipf[round] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      for (guint i = 0; i < N_REPS; i++)
        g_assert_true (sp_allocate (reps[i], w->week_days, NULL, NULL, N_WEEKS, all_weeks, NULL,
                                    NULL));
      t_all_weeks[round] = (g_get_monotonic_time () - start) / 1000.0;
    }

  for (guint round = 0; round < MIN (rounds, 20); round++)
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_true (sp_allocation_ipf (w->big_rows, N_REPS, w->big_cols, N_WEEKS, w->big_seed,
                                        big_out, NULL, NULL));
      t_big_ipf[round] = (g_get_monotonic_time () - start) / 1000.0;
    }

  rebalance_ms = median (t_rebalance, rounds);
  weeks_ms = median (t_weeks, rounds);
  ipf_ms = median (t_ipf, rounds);
  total_ms = rebalance_ms + weeks_ms + ipf_ms;

  g_print ("# medians over %u rounds, milliseconds\n", rounds);
  row ("rebalance 500 reps after one edit", rebalance_ms);
  row ("re-split the edited rep over 52 weeks", weeks_ms);
  row ("IPF 20 x 12 region x month", ipf_ms);
  row ("one cell edit, total", total_ms);
  g_print ("# target < %.0f ms: %s\n", TARGET_MS, total_ms < TARGET_MS ? "met" : "MISSED");
  g_print ("# for scale\n");
  row ("re-split all 500 reps over 52 weeks", median (t_all_weeks, rounds));
  row ("IPF 500 x 52 rep x week", median (t_big_ipf, MIN (rounds, 20)));

  return 0;
}
