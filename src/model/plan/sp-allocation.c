/* sp-allocation.c — splitting a target over its children: largest remainder, locks, IPF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-allocation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sp-allocation.h"

/* total * weight needs up to 126 bits; a sum of weights up to 95. */
#include "sp-allocation-private.h"

G_DEFINE_QUARK (sp-allocation-error-quark, sp_allocation_error)

G_DEFINE_ENUM_TYPE (SpWeightSource, sp_weight_source,
  G_DEFINE_ENUM_VALUE (SP_WEIGHT_SOURCE_EQUAL, "equal"),
  G_DEFINE_ENUM_VALUE (SP_WEIGHT_SOURCE_WORKING_DAYS, "working_days"),
  G_DEFINE_ENUM_VALUE (SP_WEIGHT_SOURCE_HISTORY, "history"),
  G_DEFINE_ENUM_VALUE (SP_WEIGHT_SOURCE_HEADCOUNT, "headcount"),
  G_DEFINE_ENUM_VALUE (SP_WEIGHT_SOURCE_CUSTOM, "custom"))

static const struct
{
  const char *nick;
  const char *name;
} weight_sources[] = {
  [SP_WEIGHT_SOURCE_EQUAL]        = { "equal", N_("Equal") },
  [SP_WEIGHT_SOURCE_WORKING_DAYS] = { "working_days", N_("Working days") },
  [SP_WEIGHT_SOURCE_HISTORY]      = { "history", N_("History share") },
  [SP_WEIGHT_SOURCE_HEADCOUNT]    = { "headcount", N_("Headcount") },
  [SP_WEIGHT_SOURCE_CUSTOM]       = { "custom", N_("Custom") },
};

const char *
sp_weight_source_to_string (SpWeightSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (weight_sources), NULL);

  return weight_sources[source].nick;
}

gboolean
sp_weight_source_from_string (const char     *text,
                              SpWeightSource *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (weight_sources); i++)
    {
      if (strcmp (text, weight_sources[i].nick) == 0)
        {
          *out = (SpWeightSource) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
sp_weight_source_get_display_name (SpWeightSource source)
{
  g_return_val_if_fail ((guint) source < G_N_ELEMENTS (weight_sources), NULL);

  return _(weight_sources[source].name);
}

void
sp_weights_fill (SpWeightSource  source,
                 const gint64   *data,
                 guint           n,
                 gint64         *out_weights)
{
  g_return_if_fail ((guint) source < G_N_ELEMENTS (weight_sources));
  g_return_if_fail (n == 0 || out_weights != NULL);
  g_return_if_fail (n == 0 || source == SP_WEIGHT_SOURCE_EQUAL || data != NULL);

  for (guint i = 0; i < n; i++)
    {
      if (source == SP_WEIGHT_SOURCE_EQUAL)
        out_weights[i] = 1;
      else
        out_weights[i] = MAX (data[i], 0);
    }
}

void
sp_weights_history (const gint64 *amounts,
                    guint         n_years,
                    guint         n,
                    gint64       *out_weights)
{
  g_autofree Int128 *sums = NULL;
  Int128 largest = 0;
  guint shift = 0;

  g_return_if_fail (n == 0 || out_weights != NULL);
  g_return_if_fail (n == 0 || n_years == 0 || amounts != NULL);

  sums = g_new0 (Int128, MAX (n, 1));
  for (guint y = 0; y < n_years; y++)
    for (guint i = 0; i < n; i++)
      sums[i] += amounts[(gsize) y * n + i];

  for (guint i = 0; i < n; i++)
    {
      if (sums[i] < 0)
        sums[i] = 0;
      largest = MAX (largest, sums[i]);
    }
  while ((largest >> shift) > G_MAXINT64)
    shift++;

  for (guint i = 0; i < n; i++)
    out_weights[i] = (gint64) (sums[i] >> shift);
}

gint64
sp_allocation_saturate (Int128 value)
{
  if (value > G_MAXINT64)
    return G_MAXINT64;
  if (value < G_MININT64)
    return G_MININT64;
  return (gint64) value;
}

/* @numerator / @denominator (> 0), rounded half away from zero. */
static gint64
divide_rounded (Int128 numerator,
                Int128 denominator)
{
  Int128 quotient = numerator / denominator;
  Int128 remainder = numerator % denominator;

  if (remainder < 0)
    remainder = -remainder;
  if (2 * remainder >= denominator)
    quotient += numerator < 0 ? -1 : 1;

  return sp_allocation_saturate (quotient);
}

gint64
sp_allocation_percent_of (gint64 total,
                          gint64 basis_points)
{
  return divide_rounded ((Int128) total * basis_points, 10000);
}

gint64
sp_allocation_percent_share (gint64 part,
                             gint64 total)
{
  Int128 numerator = (Int128) part * 10000;
  Int128 denominator = total;

  if (total == 0)
    return 0;
  if (denominator < 0)
    {
      numerator = -numerator;
      denominator = -denominator;
    }

  return divide_rounded (numerator, denominator);
}

typedef struct
{
  Int128 remainder;
  guint  index;
} Share;

static int
compare_shares (const void *a,
                const void *b)
{
  const Share *sa = a;
  const Share *sb = b;

  /* Largest remainder first; the earlier child wins a tie. */
  if (sa->remainder != sb->remainder)
    return sa->remainder > sb->remainder ? -1 : 1;
  return sa->index < sb->index ? -1 : sa->index > sb->index;
}

/* Largest remainder of @amount (>= 0) over the children where !@skip[i] (@skip may be
 * NULL), written into @out; the skipped children's slots are left alone. */
static void
split_remainder (gint64          amount,
                 const gint64   *weights,
                 const gboolean *skip,
                 guint           n,
                 gint64         *out)
{
  g_autofree Share *shares = NULL;
  Int128 weight_sum = 0;
  Int128 floor_sum = 0;
  guint count = 0;
  gboolean equal;
  gint64 leftover;

  for (guint i = 0; i < n; i++)
    {
      if (skip != NULL && skip[i])
        continue;
      weight_sum += weights[i];
      count++;
    }
  if (count == 0)
    return;

  equal = weight_sum == 0;
  if (equal)
    weight_sum = count;

  shares = g_new (Share, count);
  count = 0;
  for (guint i = 0; i < n; i++)
    {
      Int128 product;

      if (skip != NULL && skip[i])
        continue;
      product = (Int128) amount * (equal ? 1 : weights[i]);
      out[i] = (gint64) (product / weight_sum);
      floor_sum += out[i];
      shares[count].remainder = product % weight_sum;
      shares[count].index = i;
      count++;
    }

  /* The fractional parts add up to the leftover, each < 1: fewer than count units. */
  leftover = (gint64) (amount - floor_sum);
  g_assert (leftover >= 0 && (guint64) leftover < count);
  if (leftover == 0)
    return;

  qsort (shares, count, sizeof *shares, compare_shares);
  for (gint64 k = 0; k < leftover; k++)
    out[shares[k].index]++;
}

typedef enum
{
  SPLIT_OK,
  SPLIT_LOCKS_EXCEED,
  SPLIT_ALL_LOCKED,
} SplitResult;

/* Inputs already checked for sign. Writes @out only on SPLIT_OK. */
static SplitResult
split_locked (gint64          total,
              const gint64   *weights,
              const gint64   *locked_values,
              const gboolean *locked,
              guint           n,
              gint64         *out,
              gint64         *excess)
{
  g_autofree gint64 *result = NULL;
  Int128 locked_sum = 0;
  guint n_unlocked = 0;

  for (guint i = 0; i < n; i++)
    {
      if (locked != NULL && locked[i])
        locked_sum += locked_values[i];
      else
        n_unlocked++;
    }

  *excess = sp_allocation_saturate (locked_sum - total);
  if (locked_sum > total)
    return SPLIT_LOCKS_EXCEED;
  if (n_unlocked == 0 && locked_sum != total)
    return SPLIT_ALL_LOCKED;
  *excess = 0;

  if (n == 0)
    return SPLIT_OK;

  result = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    result[i] = locked != NULL && locked[i] ? locked_values[i] : 0;
  split_remainder ((gint64) (total - locked_sum), weights, locked, n, result);
  memcpy (out, result, n * sizeof *out);

  return SPLIT_OK;
}

/* Checks the signs, splits, and on failure says why with @exceed_message or
 * @all_locked_message. */
static gboolean
split_checked (gint64           total,
               const gint64    *weights,
               const gint64    *locked_values,
               const gboolean  *locked,
               guint            n,
               gint64          *out,
               gint64          *out_excess,
               const char      *exceed_message,
               const char      *all_locked_message,
               GError         **error)
{
  const char *invalid = NULL;
  gint64 excess = 0;

  if (out_excess != NULL)
    *out_excess = 0;

  if (total < 0)
    invalid = _("The total to split cannot be negative.");
  for (guint i = 0; invalid == NULL && i < n; i++)
    {
      if (weights[i] < 0)
        invalid = _("Weights cannot be negative.");
      else if (locked != NULL && locked[i] && locked_values[i] < 0)
        invalid = _("A locked amount cannot be negative.");
    }
  if (invalid != NULL)
    {
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID, invalid);
      return FALSE;
    }

  switch (split_locked (total, weights, locked_values, locked, n, out, &excess))
    {
    case SPLIT_OK:
      return TRUE;

    case SPLIT_LOCKS_EXCEED:
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_LOCKS_EXCEED,
                           exceed_message);
      break;

    case SPLIT_ALL_LOCKED:
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ALL_LOCKED,
                           all_locked_message);
      break;

    default:
      g_assert_not_reached ();
    }

  if (out_excess != NULL)
    *out_excess = excess;
  return FALSE;
}

gboolean
sp_allocate (gint64          total,
             const gint64   *weights,
             const gint64   *locked_values,
             const gboolean *locked,
             guint           n,
             gint64         *out,
             gint64         *out_excess,
             GError        **error)
{
  g_return_val_if_fail (n == 0 || weights != NULL, FALSE);
  g_return_val_if_fail (n == 0 || out != NULL, FALSE);
  g_return_val_if_fail (locked == NULL || locked_values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return split_checked (total, weights, locked_values, locked, n, out, out_excess,
                        _("The locked parts add up to more than the total. "
                          "Unlock a part or lower a locked amount."),
                        _("Every part is locked and they do not add up to the total. "
                          "Unlock a part to take up the difference."),
                        error);
}

gboolean
sp_allocation_rebalance (gint64          total,
                         const gint64   *values,
                         const gboolean *locked,
                         const gint64   *weights,
                         guint           n,
                         guint           edited,
                         gint64          new_value,
                         gint64         *out,
                         gint64         *out_excess,
                         GError        **error)
{
  g_autofree gint64 *fixed_values = NULL;
  g_autofree gboolean *fixed = NULL;

  g_return_val_if_fail (edited < n, FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (locked == NULL || values != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_value < 0)
    {
      if (out_excess != NULL)
        *out_excess = 0;
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_INVALID,
                           _("The new amount cannot be negative."));
      return FALSE;
    }

  fixed_values = g_new (gint64, n);
  fixed = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      fixed[i] = i == edited || (locked != NULL && locked[i]);
      fixed_values[i] = i == edited ? new_value : fixed[i] ? values[i] : 0;
    }

  return split_checked (total, weights, fixed_values, fixed, n, out, out_excess,
                        _("The new amount and the locked parts add up to more than the "
                          "total. Enter a smaller amount or unlock a part."),
                        _("Every other part is locked, so nothing can take up the "
                          "difference. Unlock a part or enter the remaining amount."),
                        error);
}
