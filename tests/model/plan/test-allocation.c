/* test-allocation.c — largest remainder, locks, rebalancing, percentages and IPF, to the cent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "sp-allocation.h"

__extension__ typedef __int128 Int128;

#define SENTINEL G_GINT64_CONSTANT (-777)

static void
assert_values (const gint64 *got,
               const gint64 *want,
               guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      if (got[i] != want[i])
        g_error ("child %u: got %" G_GINT64_FORMAT ", want %" G_GINT64_FORMAT, i, got[i], want[i]);
    }
}

static void
assert_untouched (const gint64 *out,
                  guint         n)
{
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (out[i], ==, SENTINEL);
}

static void
fill_sentinel (gint64 *out,
               guint   n)
{
  for (guint i = 0; i < n; i++)
    out[i] = SENTINEL;
}

static void
test_ties (void)
{
  const gint64 weights[] = { 1, 1, 1 };
  const gint64 want[] = { 34, 33, 33 };
  const gint64 want_two[] = { 1, 1, 0 };
  gint64 out[3];
  gint64 excess = 99;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocate (100, weights, NULL, NULL, 3, out, &excess, &error));
  g_assert_no_error (error);
  g_assert_cmpint (excess, ==, 0);
  assert_values (out, want, 3);

  /* Two leftover units among three equal remainders: the first two children. */
  g_assert_true (sp_allocate (2, weights, NULL, NULL, 3, out, NULL, &error));
  assert_values (out, want_two, 3);
}

static void
test_weights (void)
{
  const gint64 w123[] = { 1, 2, 3 };
  const gint64 want123[] = { 167, 333, 500 };
  const gint64 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const gint64 want_days[] = { 85, 77, 85, 82, 85, 82, 85, 85, 82, 85, 82, 85 };
  const gint64 one[] = { 5 };
  gint64 out[12];
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocate (1000, w123, NULL, NULL, 3, out, NULL, &error));
  g_assert_no_error (error);
  assert_values (out, want123, 3);

  g_assert_true (sp_allocate (1000, days, NULL, NULL, 12, out, NULL, &error));
  assert_values (out, want_days, 12);

  g_assert_true (sp_allocate (123456789, one, NULL, NULL, 1, out, NULL, &error));
  g_assert_cmpint (out[0], ==, 123456789);

  g_assert_true (sp_allocate (0, w123, NULL, NULL, 3, out, NULL, &error));
  g_assert_cmpint (out[0], ==, 0);
  g_assert_cmpint (out[1], ==, 0);
  g_assert_cmpint (out[2], ==, 0);

  /* Nothing to split into. */
  g_assert_true (sp_allocate (0, NULL, NULL, NULL, 0, NULL, NULL, &error));
}

static void
test_large (void)
{
  const gint64 odd[] = { 7, 13, 1, 999999937, 3 };
  const gint64 want_odd[] = { 7000000, 13000001, 1000000, 999999975999999, 3000000 };
  const gint64 sevens[] = { 3, 3, 3, 3, 3, 3, 3 };
  const gint64 want_sevens[] = { 142857142857144, 142857142857144, 142857142857144,
                                 142857142857144, 142857142857144, 142857142857144,
                                 142857142857143 };
  const gint64 huge[] = { G_MAXINT64, G_MAXINT64 - 1, 12345, 1 };
  const gint64 want_huge[] = { G_GINT64_CONSTANT (4611686018427384817),
                               G_GINT64_CONSTANT (4611686018427384817), 6172, 1 };
  gint64 out[7];
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocate (G_GINT64_CONSTANT (1000000000000000), odd, NULL, NULL, 5, out,
                              NULL, &error));
  g_assert_no_error (error);
  assert_values (out, want_odd, 5);

  g_assert_true (sp_allocate (G_GINT64_CONSTANT (1000000000000007), sevens, NULL, NULL, 7,
                              out, NULL, &error));
  assert_values (out, want_sevens, 7);

  /* Neither total * weight nor the sum of the weights fits in 64 bits. */
  g_assert_true (sp_allocate (G_MAXINT64, huge, NULL, NULL, 4, out, NULL, &error));
  assert_values (out, want_huge, 4);
}

static void
test_locks (void)
{
  const gint64 weights[] = { 1, 1, 1, 1 };
  const gint64 values[] = { 0, 400, 0, 0 };
  const gboolean locked[] = { FALSE, TRUE, FALSE, FALSE };
  const gint64 want[] = { 200, 400, 200, 200 };
  const gint64 values2[] = { 0, 333, 0, 1 };
  const gboolean locked2[] = { FALSE, TRUE, FALSE, TRUE };
  const gint64 want2[] = { 333, 333, 333, 1 };
  gint64 out[4];
  gint64 inplace[4] = { 0, 400, 0, 0 };
  gint64 excess = 99;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocate (1000, weights, values, locked, 4, out, &excess, &error));
  g_assert_no_error (error);
  g_assert_cmpint (excess, ==, 0);
  assert_values (out, want, 4);

  g_assert_true (sp_allocate (1000, weights, values2, locked2, 4, out, NULL, &error));
  assert_values (out, want2, 4);

  /* The output may be the locked values' own array. */
  g_assert_true (sp_allocate (1000, weights, inplace, locked, 4, inplace, NULL, &error));
  assert_values (inplace, want, 4);

  /* Locks that use up the whole total leave zeros. */
  {
    const gint64 full[] = { 0, 1000, 0, 0 };
    const gint64 want_full[] = { 0, 1000, 0, 0 };

    g_assert_true (sp_allocate (1000, weights, full, locked, 4, out, NULL, &error));
    assert_values (out, want_full, 4);
  }
}

static void
test_locks_exceed (void)
{
  const gint64 weights[] = { 2, 1, 1 };
  const gint64 values[] = { 600, 0, 450 };
  const gboolean locked[] = { TRUE, FALSE, TRUE };
  gint64 out[3];
  gint64 excess = 0;
  g_autoptr(GError) error = NULL;

  fill_sentinel (out, 3);
  g_assert_false (sp_allocate (1000, weights, values, locked, 3, out, &excess, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
  g_assert_cmpint (excess, ==, 50);
  g_assert_nonnull (strstr (error->message, "locked"));
  assert_untouched (out, 3);
  g_clear_error (&error);

  /* Over by one cent is still over. */
  {
    const gint64 values1[] = { 600, 0, 401 };

    g_assert_false (sp_allocate (1000, weights, values1, locked, 3, out, &excess, &error));
    g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
    g_assert_cmpint (excess, ==, 1);
    assert_untouched (out, 3);
    g_clear_error (&error);
  }

  /* The excess cannot overflow. */
  {
    const gint64 big[] = { G_MAXINT64, 0, G_MAXINT64 };

    g_assert_false (sp_allocate (0, weights, big, locked, 3, out, &excess, NULL));
    g_assert_cmpint (excess, ==, G_MAXINT64);
    assert_untouched (out, 3);
  }
}

static void
test_all_locked (void)
{
  const gint64 weights[] = { 1, 1 };
  const gint64 values[] = { 300, 500 };
  const gboolean locked[] = { TRUE, TRUE };
  gint64 out[2];
  gint64 excess = 0;
  g_autoptr(GError) error = NULL;

  fill_sentinel (out, 2);
  g_assert_false (sp_allocate (1000, weights, values, locked, 2, out, &excess, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED);
  g_assert_cmpint (excess, ==, -200);
  assert_untouched (out, 2);
  g_clear_error (&error);

  /* All locked and exactly the total: nothing to do, and fine. */
  g_assert_true (sp_allocate (800, weights, values, locked, 2, out, &excess, &error));
  g_assert_no_error (error);
  g_assert_cmpint (excess, ==, 0);
  g_assert_cmpint (out[0], ==, 300);
  g_assert_cmpint (out[1], ==, 500);

  /* No children at all but something to split. */
  g_assert_false (sp_allocate (5, NULL, NULL, NULL, 0, NULL, &excess, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED);
  g_assert_cmpint (excess, ==, -5);
}

static void
test_zero_weights (void)
{
  const gint64 zeros[] = { 0, 0, 0, 0 };
  const gint64 want_equal[] = { 3, 2, 2, 2 };
  const gint64 some[] = { 0, 5, 0, 5 };
  const gint64 want_some[] = { 0, 500, 0, 499 };
  const gint64 values[] = { 0, 0, 7, 0 };
  const gboolean locked[] = { FALSE, FALSE, TRUE, FALSE };
  const gint64 want_locked[] = { 1, 1, 7, 0 };
  gint64 out[4];
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocate (9, zeros, NULL, NULL, 4, out, NULL, &error));
  g_assert_no_error (error);
  assert_values (out, want_equal, 4);

  /* Some weights zero: those children get nothing, even the leftover. */
  g_assert_true (sp_allocate (999, some, NULL, NULL, 4, out, NULL, &error));
  assert_values (out, want_some, 4);

  /* The zero-weight rule looks at the unlocked children only. */
  g_assert_true (sp_allocate (9, zeros, values, locked, 4, out, NULL, &error));
  assert_values (out, want_locked, 4);
}

static void
test_invalid (void)
{
  const gint64 weights[] = { 1, -1 };
  const gint64 good[] = { 1, 1 };
  const gint64 values[] = { -5, 0 };
  const gboolean locked[] = { TRUE, FALSE };
  gint64 out[2];
  gint64 excess = 99;
  g_autoptr(GError) error = NULL;

  fill_sentinel (out, 2);
  g_assert_false (sp_allocate (-1, good, NULL, NULL, 2, out, &excess, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  g_assert_cmpint (excess, ==, 0);
  g_clear_error (&error);

  g_assert_false (sp_allocate (10, weights, NULL, NULL, 2, out, NULL, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sp_allocate (10, good, values, locked, 2, out, NULL, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  assert_untouched (out, 2);
}

static gint64
random_int64 (GRand  *rand,
              gint64  max)
{
  guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

  return max == G_MAXINT64 ? (gint64) (bits >> 1) : (gint64) (bits % (guint64) (max + 1));
}

static gint64
random_magnitude (GRand *rand)
{
  static const gint64 limits[] = { 0, 1, 10, 1000, 1000000, G_GINT64_CONSTANT (1000000000000000),
                                   G_MAXINT64 };

  return limits[g_rand_int_range (rand, 0, G_N_ELEMENTS (limits))];
}

/* Checks one split against the rules themselves rather than against a second copy of the
 * algorithm: sum exact, locks kept, every share the floor or the ceiling of the exact share,
 * and the ceilings given to the largest remainders, ties to the earlier child. */
static void
check_split (gint64          total,
             const gint64   *weights,
             const gint64   *values,
             const gboolean *locked,
             guint           n,
             const gint64   *out)
{
  Int128 locked_sum = 0;
  Int128 weight_sum = 0;
  Int128 sum = 0;
  guint n_unlocked = 0;
  gint64 remaining;

  for (guint i = 0; i < n; i++)
    {
      if (locked[i])
        {
          g_assert_cmpint (out[i], ==, values[i]);
          locked_sum += values[i];
        }
      else
        {
          weight_sum += weights[i];
          n_unlocked++;
        }
      g_assert_cmpint (out[i], >=, 0);
      sum += out[i];
    }
  g_assert_true (sum == total);
  remaining = (gint64) (total - locked_sum);
  if (n_unlocked == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      Int128 wi = weight_sum == 0 ? 1 : weights[i];
      Int128 s = weight_sum == 0 ? n_unlocked : weight_sum;
      Int128 exact = (Int128) remaining * wi;
      Int128 floor_i = exact / s;
      Int128 rem_i = exact % s;

      if (locked[i])
        continue;
      g_assert_true (out[i] == floor_i || (out[i] == floor_i + 1 && rem_i > 0));

      /* A child rounded down never beats one rounded up. */
      for (guint j = 0; out[i] == floor_i + 1 && j < n; j++)
        {
          Int128 wj = weight_sum == 0 ? 1 : weights[j];
          Int128 exact_j = (Int128) remaining * wj;

          if (locked[j] || out[j] != exact_j / s)
            continue;
          g_assert_true (rem_i > exact_j % s || (rem_i == exact_j % s && i < j));
        }
    }
}

static void
test_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);
  guint n_ok = 0;
  guint n_exceed = 0;
  guint n_all_locked = 0;

  for (guint round = 0; round < 10000; round++)
    {
      guint n = g_rand_int_range (rand, 1, 41);
      gint64 total = random_int64 (rand, random_magnitude (rand));
      gint64 weight_max = random_magnitude (rand);
      gboolean use_locks = g_rand_boolean (rand);
      g_autofree gint64 *weights = g_new (gint64, n);
      g_autofree gint64 *values = g_new0 (gint64, n);
      g_autofree gboolean *locked = g_new0 (gboolean, n);
      g_autofree gint64 *out = g_new (gint64, n);
      g_autofree gint64 *again = g_new (gint64, n);
      Int128 locked_sum = 0;
      gint64 excess = 0;
      gboolean ok;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n; i++)
        {
          weights[i] = g_rand_int_range (rand, 0, 5) == 0 ? 0 : random_int64 (rand, weight_max);
          if (use_locks && g_rand_int_range (rand, 0, 3) == 0)
            {
              locked[i] = TRUE;
              /* Mostly within the total, sometimes past it. */
              values[i] = random_int64 (rand, MAX (total / MAX (n / 2, 1), 1));
              locked_sum += values[i];
            }
        }

      fill_sentinel (out, n);
      ok = sp_allocate (total, weights, values, locked, n, out, &excess, &error);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (excess, ==, 0);
          check_split (total, weights, values, locked, n, out);
          n_ok++;
        }
      else
        {
          assert_untouched (out, n);
          if (locked_sum > total)
            {
              g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
              g_assert_true (excess == MIN (locked_sum - total, (Int128) G_MAXINT64));
              n_exceed++;
            }
          else
            {
              g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED);
              g_assert_true (excess == locked_sum - total);
              n_all_locked++;
            }
        }

      /* Deterministic: the same input gives the same output. */
      fill_sentinel (again, n);
      g_assert_cmpint (sp_allocate (total, weights, values, locked, n, again, NULL, NULL), ==, ok);
      g_assert_cmpmem (out, n * sizeof *out, again, n * sizeof *again);
    }

  /* The generator reaches every outcome. */
  g_assert_cmpuint (n_ok, >, 5000);
  g_assert_cmpuint (n_exceed, >, 100);
  g_assert_cmpuint (n_all_locked, >, 10);
}

static void
test_rebalance (void)
{
  const gint64 values[] = { 250, 250, 250, 250 };
  const gboolean locked[] = { FALSE, FALSE, FALSE, TRUE };
  const gint64 want_amount[] = { 200, 400, 200, 200 };
  const gint64 want_locked[] = { 500, 125, 125, 250 };
  const gint64 want_percent[] = { 223, 222, 305, 250 };
  const gint64 month_values[] = { 100, 100, 100 };
  const gint64 month_weights[] = { 31, 28, 31 };
  const gint64 want_months[] = { 100, 95, 105 };
  gint64 out[4];
  gint64 excess = 99;
  g_autoptr(GError) error = NULL;

  /* Edit one cell; the siblings keep their proportions (weights = current values). */
  g_assert_true (sp_allocation_rebalance (1000, values, NULL, values, 4, 1, 400, out, &excess,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (excess, ==, 0);
  assert_values (out, want_amount, 4);

  /* A locked sibling stays. */
  g_assert_true (sp_allocation_rebalance (1000, values, locked, values, 4, 0, 500, out, NULL,
                                          &error));
  assert_values (out, want_locked, 4);

  /* Typed as a percent of the parent: 30.45 % of 1000.00 → 304.5 → 305 (half away). */
  g_assert_cmpint (sp_allocation_percent_of (1000, 3045), ==, 305);
  g_assert_true (sp_allocation_rebalance (1000, values, locked, values, 4, 2,
                                          sp_allocation_percent_of (1000, 3045), out, NULL,
                                          &error));
  assert_values (out, want_percent, 4);

  /* Siblings re-split by other weights (days in the month), not their current values. */
  g_assert_true (sp_allocation_rebalance (300, month_values, NULL, month_weights, 3, 0, 100, out,
                                          NULL, &error));
  assert_values (out, want_months, 3);

  /* Setting a cell to the whole total zeroes the unlocked siblings. */
  g_assert_true (sp_allocation_rebalance (1000, values, locked, values, 4, 0, 750, out, NULL,
                                          &error));
  g_assert_cmpint (out[0], ==, 750);
  g_assert_cmpint (out[1], ==, 0);
  g_assert_cmpint (out[2], ==, 0);
  g_assert_cmpint (out[3], ==, 250);
}

static void
test_rebalance_refused (void)
{
  const gint64 values[] = { 250, 250, 250, 250 };
  const gboolean locked[] = { FALSE, FALSE, FALSE, TRUE };
  const gboolean others_locked[] = { FALSE, TRUE, TRUE, TRUE };
  gint64 out[4];
  gint64 excess = 0;
  g_autoptr(GError) error = NULL;

  fill_sentinel (out, 4);

  /* More than the parent. */
  g_assert_false (sp_allocation_rebalance (1000, values, NULL, values, 4, 0, 1001, out, &excess,
                                           &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
  g_assert_cmpint (excess, ==, 1);
  assert_untouched (out, 4);
  g_clear_error (&error);

  /* The new amount plus the locked sibling. */
  g_assert_false (sp_allocation_rebalance (1000, values, locked, values, 4, 0, 800, out, &excess,
                                           &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
  g_assert_cmpint (excess, ==, 50);
  assert_untouched (out, 4);
  g_clear_error (&error);

  /* 110 % of the parent. */
  g_assert_false (sp_allocation_rebalance (1000, values, NULL, values, 4, 0,
                                           sp_allocation_percent_of (1000, 11000), out, &excess,
                                           &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED);
  g_assert_cmpint (excess, ==, 100);
  g_clear_error (&error);

  /* Every other child locked: only the exact remainder is accepted. */
  g_assert_false (sp_allocation_rebalance (1000, values, others_locked, values, 4, 0, 200, out,
                                           &excess, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED);
  g_assert_cmpint (excess, ==, -50);
  assert_untouched (out, 4);
  g_clear_error (&error);

  g_assert_true (sp_allocation_rebalance (1000, values, others_locked, values, 4, 0, 250, out,
                                          &excess, &error));
  g_assert_no_error (error);
  g_assert_cmpint (excess, ==, 0);
  fill_sentinel (out, 4);

  /* Negative. */
  g_assert_false (sp_allocation_rebalance (1000, values, NULL, values, 4, 2, -1, out, &excess,
                                           &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  g_assert_cmpint (excess, ==, 0);
  assert_untouched (out, 4);
  g_clear_error (&error);

  {
    const gint64 negative[] = { 250, -1, 250, 250 };

    g_assert_false (sp_allocation_rebalance (1000, values, NULL, negative, 4, 0, 10, out, NULL,
                                             &error));
    g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sp_allocation_rebalance (1000, negative, others_locked, values, 4, 0, 10,
                                             out, NULL, &error));
    g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (sp_allocation_rebalance (-1, values, NULL, values, 4, 0, 0, out, NULL,
                                             &error));
    g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
    assert_untouched (out, 4);
  }
}

static void
test_percent (void)
{
  g_assert_cmpint (sp_allocation_percent_of (1, 5000), ==, 1);
  g_assert_cmpint (sp_allocation_percent_of (-1, 5000), ==, -1);
  g_assert_cmpint (sp_allocation_percent_of (3, 5000), ==, 2);
  g_assert_cmpint (sp_allocation_percent_of (1, 4999), ==, 0);
  g_assert_cmpint (sp_allocation_percent_of (1000, 1225), ==, 123);
  g_assert_cmpint (sp_allocation_percent_of (-1000, 1225), ==, -123);
  g_assert_cmpint (sp_allocation_percent_of (95758, 10000), ==, 95758);
  g_assert_cmpint (sp_allocation_percent_of (G_GINT64_CONSTANT (1000000000000000), 1), ==,
                   G_GINT64_CONSTANT (100000000000));
  g_assert_cmpint (sp_allocation_percent_of (G_MAXINT64, 10000), ==, G_MAXINT64);
  g_assert_cmpint (sp_allocation_percent_of (G_MAXINT64, 20000), ==, G_MAXINT64);
  g_assert_cmpint (sp_allocation_percent_of (G_MAXINT64, -20000), ==, G_MININT64);

  g_assert_cmpint (sp_allocation_percent_share (1, 3), ==, 3333);
  g_assert_cmpint (sp_allocation_percent_share (2, 3), ==, 6667);
  g_assert_cmpint (sp_allocation_percent_share (1, 8), ==, 1250);
  g_assert_cmpint (sp_allocation_percent_share (1, 20000), ==, 1);
  g_assert_cmpint (sp_allocation_percent_share (1, 20001), ==, 0);
  g_assert_cmpint (sp_allocation_percent_share (-1, 3), ==, -3333);
  g_assert_cmpint (sp_allocation_percent_share (1, -3), ==, -3333);
  g_assert_cmpint (sp_allocation_percent_share (5, 0), ==, 0);
}

static void
test_weight_sources (void)
{
  static const struct
  {
    SpWeightSource source;
    const char    *nick;
    const char    *name;
  } all[] = {
    { SP_WEIGHT_SOURCE_EQUAL, "equal", "Equal" },
    { SP_WEIGHT_SOURCE_WORKING_DAYS, "working_days", "Working days" },
    { SP_WEIGHT_SOURCE_HISTORY, "history", "History share" },
    { SP_WEIGHT_SOURCE_HEADCOUNT, "headcount", "Headcount" },
    { SP_WEIGHT_SOURCE_CUSTOM, "custom", "Custom" },
  };
  g_autoptr(GEnumClass) klass = g_type_class_ref (SP_TYPE_WEIGHT_SOURCE);
  SpWeightSource parsed = SP_WEIGHT_SOURCE_CUSTOM;

  g_assert_cmpuint (klass->n_values, ==, G_N_ELEMENTS (all));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_cmpstr (sp_weight_source_to_string (all[i].source), ==, all[i].nick);
      g_assert_cmpstr (sp_weight_source_get_display_name (all[i].source), ==, all[i].name);
      g_assert_true (sp_weight_source_from_string (all[i].nick, &parsed));
      g_assert_cmpint (parsed, ==, all[i].source);
      g_assert_cmpstr (g_enum_get_value (klass, all[i].source)->value_nick, ==, all[i].nick);
    }

  parsed = SP_WEIGHT_SOURCE_HEADCOUNT;
  g_assert_false (sp_weight_source_from_string ("Equal", &parsed));
  g_assert_false (sp_weight_source_from_string ("", &parsed));
  g_assert_false (sp_weight_source_from_string (NULL, &parsed));
  g_assert_cmpint (parsed, ==, SP_WEIGHT_SOURCE_HEADCOUNT);
}

static void
test_weights_fill (void)
{
  const gint64 history[] = { 500, -20, 0, 1000 };
  const gint64 want_history[] = { 500, 0, 0, 1000 };
  const gint64 want_equal[] = { 1, 1, 1, 1 };
  /* Two basis years of three months. */
  const gint64 years[] = { 100, 200, -50,
                           300, 0, 20 };
  const gint64 want_years[] = { 400, 200, 0 };
  const gint64 big[] = { G_MAXINT64, G_MAXINT64, 2,
                         G_MAXINT64, 0, 2 };
  const gint64 want_big[] = { G_MAXINT64, G_MAXINT64 / 2, 2 };
  gint64 out[4];

  sp_weights_fill (SP_WEIGHT_SOURCE_EQUAL, NULL, 4, out);
  assert_values (out, want_equal, 4);
  sp_weights_fill (SP_WEIGHT_SOURCE_HISTORY, history, 4, out);
  assert_values (out, want_history, 4);
  sp_weights_fill (SP_WEIGHT_SOURCE_CUSTOM, want_equal, 4, out);
  assert_values (out, want_equal, 4);

  sp_weights_history (years, 2, 3, out);
  assert_values (out, want_years, 3);
  /* Too large for gint64: all halved together. */
  sp_weights_history (big, 2, 3, out);
  assert_values (out, want_big, 3);
}

/* A plain real-valued IPF to compare the rounded table against. */
static double *
reference_fit (const gint64 *rows,
               guint         n_rows,
               const gint64 *cols,
               guint         n_cols,
               const double *seed)
{
  double *x = g_new (double, n_rows * n_cols);

  memcpy (x, seed, n_rows * n_cols * sizeof *x);
  for (guint sweep = 0; sweep < 5000; sweep++)
    {
      for (guint i = 0; i < n_rows; i++)
        {
          double s = 0;

          for (guint j = 0; j < n_cols; j++)
            s += x[i * n_cols + j];
          for (guint j = 0; j < n_cols && s > 0; j++)
            x[i * n_cols + j] *= rows[i] / s;
        }
      for (guint j = 0; j < n_cols; j++)
        {
          double s = 0;

          for (guint i = 0; i < n_rows; i++)
            s += x[i * n_cols + j];
          for (guint i = 0; i < n_rows && s > 0; i++)
            x[i * n_cols + j] *= cols[j] / s;
        }
    }
  return x;
}

static void
assert_margins (const gint64 *table,
                const gint64 *rows,
                guint         n_rows,
                const gint64 *cols,
                guint         n_cols)
{
  for (guint i = 0; i < n_rows; i++)
    {
      gint64 sum = 0;

      for (guint j = 0; j < n_cols; j++)
        {
          g_assert_cmpint (table[i * n_cols + j], >=, 0);
          sum += table[i * n_cols + j];
        }
      g_assert_cmpint (sum, ==, rows[i]);
    }
  for (guint j = 0; j < n_cols; j++)
    {
      gint64 sum = 0;

      for (guint i = 0; i < n_rows; i++)
        sum += table[i * n_cols + j];
      g_assert_cmpint (sum, ==, cols[j]);
    }
}

static void
test_ipf_small (void)
{
  const gint64 rows[] = { 3, 1 };
  const gint64 cols[] = { 2, 2 };
  const gint64 want[] = { 2, 1,
                          0, 1 };
  gint64 out[4];
  g_autoptr(GError) error = NULL;

  /* Fit 1.5 1.5 / 0.5 0.5: the tie goes to the earlier column, the columns still add up. */
  g_assert_true (sp_allocation_ipf (rows, 2, cols, 2, NULL, out, NULL, &error));
  g_assert_no_error (error);
  assert_values (out, want, 4);
}

static void
test_ipf_region_month (void)
{
  /* Three regions' yearly targets, the company's months from its own seasonality. */
  const gint64 rows[] = { G_GINT64_CONSTANT (120000000), G_GINT64_CONSTANT (85000000),
                          G_GINT64_CONSTANT (43500017) };
  const gint64 season[] = { 6, 5, 8, 8, 9, 10, 8, 8, 9, 9, 10, 14 };
  const double history[] = {
    512300.25, 401200.5, 688000, 701020.75, 755000, 840100, 690000, 702000, 790500, 801000,
    880000, 1200400,
    390000, 300500, 520250, 530000, 570000.5, 640000, 505000, 515000, 600000, 610000, 660000,
    905000,
    150000, 120000, 0, 210000, 230500, 260000, 200000, 205000, 240000, 245000, 270000, 380000,
  };
  gint64 cols[12];
  gint64 out[36];
  gint64 again[36];
  g_autofree double *fit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocate (rows[0] + rows[1] + rows[2], season, NULL, NULL, 12, cols, NULL,
                              &error));
  g_assert_true (sp_allocation_ipf (rows, 3, cols, 12, history, out, NULL, &error));
  g_assert_no_error (error);
  assert_margins (out, rows, 3, cols, 12);

  fit = reference_fit (rows, 3, cols, 12, history);
  for (guint k = 0; k < 36; k++)
    {
      if (fabs ((double) out[k] - fit[k]) > 1.001)
        g_error ("cell %u: %" G_GINT64_FORMAT " vs fit %f", k, out[k], fit[k]);
    }
  /* A zero in the history stays zero. */
  g_assert_cmpint (out[2 * 12 + 2], ==, 0);

  g_assert_true (sp_allocation_ipf (rows, 3, cols, 12, history, again, NULL, &error));
  g_assert_cmpmem (out, sizeof out, again, sizeof again);
}

static void
test_ipf_refused (void)
{
  const gint64 rows[] = { 100, 200 };
  const gint64 cols[] = { 150, 149 };
  const gint64 negative[] = { -1, 301 };
  const double bad_seed[] = { 1, NAN, 1, 1 };
  const gint64 good_cols[] = { 150, 150 };
  gint64 out[4];
  gint64 difference = 0;
  g_autoptr(GError) error = NULL;

  fill_sentinel (out, 4);
  g_assert_false (sp_allocation_ipf (rows, 2, cols, 2, NULL, out, &difference, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_MARGINS_DIFFER);
  g_assert_cmpint (difference, ==, 1);
  assert_untouched (out, 4);
  g_clear_error (&error);

  g_assert_false (sp_allocation_ipf (cols, 2, rows, 2, NULL, out, &difference, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_MARGINS_DIFFER);
  g_assert_cmpint (difference, ==, -1);
  g_clear_error (&error);

  g_assert_false (sp_allocation_ipf (negative, 2, good_cols, 2, NULL, out, &difference, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sp_allocation_ipf (good_cols, 2, negative, 2, NULL, out, &difference, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sp_allocation_ipf (rows, 2, good_cols, 2, bad_seed, out, NULL, &error));
  g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
  g_clear_error (&error);

  /* Margins that agree but add up past gint64. */
  {
    const gint64 huge[] = { G_MAXINT64, 1 };

    g_assert_false (sp_allocation_ipf (huge, 2, huge, 2, NULL, out, &difference, &error));
    g_assert_error (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID);
    g_assert_cmpint (difference, ==, 0);
  }
  assert_untouched (out, 4);
}

static void
test_ipf_zeros (void)
{
  const gint64 rows[] = { 0, 60, 40 };
  const gint64 cols[] = { 50, 0, 50 };
  /* Row 1's seed is all zero where it matters (its only seed is in the zero column). */
  const double seed[] = { 5, 5, 5,
                          0, 9, 0,
                          1, 1, 3 };
  const gint64 want[] = { 0, 0, 0,
                          36, 0, 24,
                          14, 0, 26 };
  const gint64 want_seeded[] = { 0, 0, 0,
                                 50, 0, 10,
                                 0, 0, 40 };
  const double seed2[] = { 0, 0, 0,
                           5, 0, 1,
                           0, 0, 1 };
  const gint64 ten_ten[] = { 10, 10 };
  const gint64 five_fifteen[] = { 5, 15 };
  const double empty_col[] = { 1, 0,
                               1, 0 };
  const gint64 want_empty_col[] = { 3, 7,
                                    2, 8 };
  const gint64 zero_rows[] = { 0, 0 };
  const gint64 zero_cols[] = { 0, 0, 0 };
  gint64 out[9];
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocation_ipf (rows, 3, cols, 3, seed, out, NULL, &error));
  g_assert_no_error (error);
  assert_margins (out, rows, 3, cols, 3);
  /* Row 1 seeded equally (1 : 1) and row 2 at 1 : 3; the fit is 36.41 23.59 / 13.59 26.41,
   * rounded by largest fraction with the columns kept. */
  assert_values (out, want, 9);

  g_assert_true (sp_allocation_ipf (rows, 3, cols, 3, seed2, out, NULL, &error));
  assert_margins (out, rows, 3, cols, 3);
  assert_values (out, want_seeded, 9);

  /* A positive column with no seed at all is seeded equally. */
  g_assert_true (sp_allocation_ipf (ten_ten, 2, five_fifteen, 2, empty_col, out, NULL, &error));
  assert_values (out, want_empty_col, 4);

  g_assert_true (sp_allocation_ipf (zero_rows, 2, zero_cols, 3, NULL, out, NULL, &error));
  for (guint k = 0; k < 6; k++)
    g_assert_cmpint (out[k], ==, 0);
}

static void
test_ipf_infeasible_seed (void)
{
  /* The seed's zeros cannot meet these margins (row 0 only in column 0, which is too
   * small): the fit never converges, the rounding still hits every margin. */
  const gint64 rows[] = { 90, 10 };
  const gint64 cols[] = { 10, 90 };
  const double seed[] = { 1, 0,
                          1, 1 };
  const double mirrored[] = { 1, 1,
                              0, 1 };
  gint64 out[4];
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_allocation_ipf (rows, 2, cols, 2, seed, out, NULL, &error));
  g_assert_no_error (error);
  assert_margins (out, rows, 2, cols, 2);

  /* The other way round: the fit overfills row 0 beyond its total. */
  g_assert_true (sp_allocation_ipf (cols, 2, rows, 2, mirrored, out, NULL, &error));
  g_assert_no_error (error);
  assert_margins (out, cols, 2, rows, 2);
}

static void
test_ipf_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (52500);
  enum { N_ROWS = 500, N_COLS = 52 };
  g_autofree gint64 *rows = g_new (gint64, N_ROWS);
  g_autofree gint64 *col_weights = g_new (gint64, N_COLS);
  g_autofree gint64 *cols = g_new (gint64, N_COLS);
  g_autofree double *seed = g_new (double, N_ROWS * N_COLS);
  g_autofree gint64 *out = g_new (gint64, N_ROWS * N_COLS);
  g_autofree gint64 *again = g_new (gint64, N_ROWS * N_COLS);
  g_autofree double *fit = NULL;
  gint64 total = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ROWS; i++)
    {
      rows[i] = g_rand_int_range (rand, 0, 10) == 0 ? 0 : g_rand_int_range (rand, 1, 200000000);
      total += rows[i];
    }
  for (guint j = 0; j < N_COLS; j++)
    col_weights[j] = g_rand_int_range (rand, 50, 150);
  for (guint k = 0; k < N_ROWS * N_COLS; k++)
    seed[k] = g_rand_double_range (rand, 0.5, 10.0);

  g_assert_true (sp_allocate (total, col_weights, NULL, NULL, N_COLS, cols, NULL, &error));
  g_assert_true (sp_allocation_ipf (rows, N_ROWS, cols, N_COLS, seed, out, NULL, &error));
  g_assert_no_error (error);
  assert_margins (out, rows, N_ROWS, cols, N_COLS);

  fit = reference_fit (rows, N_ROWS, cols, N_COLS, seed);
  for (guint k = 0; k < N_ROWS * N_COLS; k++)
    g_assert_cmpfloat (fabs ((double) out[k] - fit[k]), <=, 1.001);

  g_assert_true (sp_allocation_ipf (rows, N_ROWS, cols, N_COLS, seed, again, NULL, &error));
  g_assert_cmpmem (out, N_ROWS * N_COLS * sizeof *out, again, N_ROWS * N_COLS * sizeof *again);

  /* Sparse seeds and small totals, where most cells are 0 or 1. */
  total = 0;
  for (guint i = 0; i < N_ROWS; i++)
    total += rows[i] = g_rand_int_range (rand, 0, 60);
  for (guint k = 0; k < N_ROWS * N_COLS; k++)
    seed[k] = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_double (rand) : 0;
  g_assert_true (sp_allocate (total, col_weights, NULL, NULL, N_COLS, cols, NULL, &error));
  g_assert_true (sp_allocation_ipf (rows, N_ROWS, cols, N_COLS, seed, out, NULL, &error));
  assert_margins (out, rows, N_ROWS, cols, N_COLS);
}

/* Small tables with sparse seeds (often impossible to fit) and totals up to 10^17, where
 * doubles no longer hold every unit: the margins must still come out exact. */
static void
test_ipf_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7741);

  for (guint round = 0; round < 3000; round++)
    {
      guint n_rows = g_rand_int_range (rand, 1, 7);
      guint n_cols = g_rand_int_range (rand, 1, 7);
      gint64 limit = g_rand_boolean (rand) ? 100 : G_GINT64_CONSTANT (100000000000000000);
      gint64 rows[6];
      gint64 cols[6];
      gint64 col_weights[6];
      double seed[36];
      gint64 out[36];
      gint64 again[36];
      gint64 total = 0;

      for (guint i = 0; i < n_rows; i++)
        total += rows[i] = g_rand_int_range (rand, 0, 4) == 0 ? 0 : random_int64 (rand, limit);
      for (guint j = 0; j < n_cols; j++)
        col_weights[j] = g_rand_int_range (rand, 0, 4);
      for (guint k = 0; k < n_rows * n_cols; k++)
        seed[k] = g_rand_boolean (rand) ? 0 : g_rand_double_range (rand, 0, 1000);

      g_assert_true (sp_allocate (total, col_weights, NULL, NULL, n_cols, cols, NULL, NULL));
      g_assert_true (sp_allocation_ipf (rows, n_rows, cols, n_cols, seed, out, NULL, NULL));
      assert_margins (out, rows, n_rows, cols, n_cols);
      g_assert_true (sp_allocation_ipf (rows, n_rows, cols, n_cols, seed, again, NULL, NULL));
      g_assert_cmpmem (out, n_rows * n_cols * sizeof *out, again, n_rows * n_cols * sizeof *again);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/allocation/largest-remainder/ties", test_ties);
  g_test_add_func ("/allocation/largest-remainder/weights", test_weights);
  g_test_add_func ("/allocation/largest-remainder/large", test_large);
  g_test_add_func ("/allocation/locks/kept", test_locks);
  g_test_add_func ("/allocation/locks/exceed", test_locks_exceed);
  g_test_add_func ("/allocation/locks/all-locked", test_all_locked);
  g_test_add_func ("/allocation/zero-weights", test_zero_weights);
  g_test_add_func ("/allocation/invalid", test_invalid);
  g_test_add_func ("/allocation/property", test_property);
  g_test_add_func ("/allocation/rebalance/edit", test_rebalance);
  g_test_add_func ("/allocation/rebalance/refused", test_rebalance_refused);
  g_test_add_func ("/allocation/percent", test_percent);
  g_test_add_func ("/allocation/weight-source", test_weight_sources);
  g_test_add_func ("/allocation/weights", test_weights_fill);
  g_test_add_func ("/allocation/ipf/small", test_ipf_small);
  g_test_add_func ("/allocation/ipf/region-month", test_ipf_region_month);
  g_test_add_func ("/allocation/ipf/refused", test_ipf_refused);
  g_test_add_func ("/allocation/ipf/zeros", test_ipf_zeros);
  g_test_add_func ("/allocation/ipf/infeasible-seed", test_ipf_infeasible_seed);
  g_test_add_func ("/allocation/ipf/large", test_ipf_large);
  g_test_add_func ("/allocation/ipf/random", test_ipf_random);

  return g_test_run ();
}
